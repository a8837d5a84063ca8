#!/usr/bin/env python3
"""Writes server/fuzz/corpus/pipeline/: one request per API route (from the fuzz target's own
route list, `ANTQ_FUZZ_LIST_ROUTES=1 build-fuzz/fuzz/fuzz_pipeline`), with a plausible body for
writes (the registers' sample records, bodies from docs/api and the integration tests), plus a few
hand-made requests (sessions with CSRF, anonymous, idempotency, uploads, static files).

Usage: ANTQ_FUZZ_LIST_ROUTES=1 build-fuzz/fuzz/fuzz_pipeline -runs=0 > /tmp/routes.txt
       python3 server/fuzz/tools/pipeline_seeds.py /tmp/routes.txt
"""
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'corpus', 'pipeline')

REGISTERS = {
    'activities': '{"unit":"21220-001","type":"campaign_launch","date":"2026-08-19","title":"Ngày hội Toàn dân bảo vệ an ninh Tổ quốc thôn Trường Thọ","organizers":["police","front"],"audience":["women_union"],"topics":["drugs","traffic"],"participants":350}',
    'opinions': '{"unit":"21220-001","topic":"drugs","content":"Đề nghị tăng cường tuần tra khu vực bãi đất trống cuối thôn.","received_on":"2026-10-02"}',
    'models': '{"unit":"21220-001","name":"Camera an ninh kết nối Công an xã","kind":"model","field":"camera","started_on":"2025-03-01"}',
    'groups': '{"unit":"21220-001","kind":"channel","name":"Zalo An ninh thôn Trường Thọ","started_on":"2024-05-01","platform":"zalo","members_count":212}',
    'patrols': '{"unit":"21220-001","started_at":"2026-11-01T20:00:00+07:00","ended_at":"2026-11-01T23:00:00+07:00","route":"Đường trục thôn","participants":6,"incidents":1}',
    'mediations': '{"unit":"21220-001","received_on":"2026-09-10","dispute_type":"land","parties":[{"name":"Phạm Văn Ranh","birth_year":1968},{"name":"Lê Thị Giới"}],"outcome":"successful","mediators":"Tổ hòa giải thôn"}',
    'programs': '{"unit":"21220","number":"09/CTr-BCA-MTTW","title":"Chương trình phối hợp xây dựng phong trào","parties":["police","front"],"signed_on":"2023-06-01","period_from":"2023-06-01","period_to":"2028-06-01"}',
    'pledges': '{"unit":"21220-001","pledger_kind":"household","pledger":"Hộ ông Nguyễn Văn Cam","content":"Không vi phạm pháp luật, không tàng trữ ma túy","year":2026}',
    'awards': '{"unit":"21220","form":"certificate_of_merit","issuer":"Chủ tịch UBND tỉnh","recipient_kind":"collective","recipient_name":"Công an xã Sơn Tịnh","date":"2026-08-19"}',
    'reintegration/people': '{"unit":"21220-001","category":"released_prisoner","name":"Hoàng Văn Thử","birth_year":1990,"id_number":"036099001234","address":"Số 7 ngõ Vắng","start_date":"2025-03-01","helper_family":"Chị gái","helper_organisation":"Hội Cựu chiến binh xã","plan":"Học nghề"}',
    'hotspots': '{"unit":"21220-002","name":"Khu vực bãi sông thôn Phú Thọ","problem_types":["drugs","social_evils"],"designated_on":"2025-04-10","plan":"Lắp đèn, tuần tra","milestones":[{"title":"Lắp đèn","due_on":"2025-06-30"}]}',
}

TIP = '{"unit":"21220-001","category":"theft","description":"Mất trộm xe máy trước cổng chợ","channel":"phone","occurred_at":"2026-11-20T13:00:00Z","place":"Cổng chợ"}'
PUBLIC_TIP = '{"unit":"21220-001","category":"drugs","description":"Có nhóm thanh niên tụ tập sử dụng ma túy ở bãi sông","anonymous":false,"reporter":{"name":"Nguyễn Văn A","phone":"0912345678"},"keep_location":false}'

BODIES = {
    ('POST', '/api/v1/auth/login'): '{"username":"fz.unknown","password":"Sai-mat-khau-2026","totp":"123456"}',
    ('POST', '/api/v1/auth/password'): '{"current_password":"wrong-one-123","new_password":"Một mật khẩu mới dài"}',
    ('POST', '/api/v1/auth/totp/enable'): '{"code":"000000"}',
    ('POST', '/api/v1/auth/totp/disable'): '{"password":"wrong-one-123"}',
    ('POST', '/api/v1/users'): '{"username":"canbo.moi","password":"Mot-mat-khau-moi-dai-7","role":"village_officer","unit":"21220-001","display_name":"Cán bộ mới"}',
    ('PATCH', '/api/v1/users/{username}'): '{"display_name":"Tên mới","role":"police_officer","unit":"21220","disabled":false}',
    ('POST', '/api/v1/notifications/read'): '{"ids":["1","2"]}',
    ('POST', '/api/v1/public/tips'): PUBLIC_TIP,
    ('POST', '/api/v1/public/tips/{code}/messages'): '{"body":"Hôm nay họ lại đến."}',
    ('POST', '/api/v1/tips'): TIP,
    ('PATCH', '/api/v1/tips/{id}'): '{"status":"verifying","assignee":"fz.congan1","outcome":{"valid":true,"cases_solved":2},"extend":{"until":"2026-12-31","reason":"Cần thêm thời gian"}}',
    ('POST', '/api/v1/tips/{id}/messages'): '{"body":"Đã tiếp nhận, đang xác minh.","to_reporter":false}',
    ('POST', '/api/v1/tips/{id}/reveal'): '{"reason":"Cần liên hệ lại người báo để xác minh vũ khí"}',
    ('POST', '/api/v1/tip-categories'): '{"code":"fraud_online","label":"Lừa đảo qua mạng","label_en":"Online fraud"}',
    ('PATCH', '/api/v1/tip-categories/{code}'): '{"label":"Trộm cắp tài sản","active":true}',
    ('POST', '/api/v1/catalog/{kind}'): '{"code":"cyber","label":"An ninh mạng","label_en":"Cyber security"}',
    ('PATCH', '/api/v1/catalog/{kind}/{code}'): '{"label":"Ma túy","active":false}',
    ('POST', '/api/v1/models/{id}/replications'): '{"unit":"21220-002","started_on":"2025-05-01","notes":"Nhân rộng"}',
    ('POST', '/api/v1/groups/{id}/members'): '{"name":"Tổ trưởng mẫu","role":"leader","gender":"female","birth_year":1975,"joined_on":"2024-07-01"}',
    ('PATCH', '/api/v1/groups/{id}/members/{mid}'): '{"role":"member","left_on":"2026-01-01"}',
    ('POST', '/api/v1/groups/{id}/members/{mid}/ratings'): '{"year":2025,"rating":"good"}',
    ('POST', '/api/v1/reintegration/people/search'): '{"name":"hoang van   thu","page":1,"per_page":50}',
    ('POST', '/api/v1/reintegration/people/{id}/reveal'): '{"reason":"Xác minh nơi cư trú"}',
    ('POST', '/api/v1/reintegration/people/{id}/sessions'): '{"date":"2025-03-10","kind":"visit","helpers":"Vợ và Trưởng thôn","notes":"Động viên tìm việc"}',
    ('POST', '/api/v1/evaluation-criteria'): '{"code":"6-khong","target_kind":"school","title":"X","criteria":[{"code":"c1","text":"a"},{"code":"c2","text":"b","auto":"subunits"}]}',
    ('POST', '/api/v1/evaluations/registrations'): '{"unit":"21220-001","year":2026,"registered_on":"2026-02-01","households":120,"households_registered":120}',
    ('PATCH', '/api/v1/evaluations/registrations/{id}'): '{"households_registered":119}',
    ('POST', '/api/v1/evaluations'): '{"unit":"21220-001","year":2026,"criteria_set":"1"}',
    ('PATCH', '/api/v1/evaluations/{id}'): '{"results":{"c1":{"met":true,"evidence":"Biên bản họp có chữ ký"},"c2":{"met":false}},"evaluated_on":"2026-06-01","notes":"x"}',
    ('POST', '/api/v1/evaluations/{id}/submit'): '{}',
    ('POST', '/api/v1/evaluations/{id}/return'): '{"comment":"Bổ sung biên bản họp khu dân cư có chữ ký"}',
    ('POST', '/api/v1/evaluations/{id}/approve'): '{"comment":"Đồng ý công nhận"}',
    ('POST', '/api/v1/reports'): '{"unit":"21220","from":"2025-12-15","to":"2026-12-14","title":"Báo cáo sơ kết năm 2026","number":"12/BC-CAX"}',
    ('POST', '/api/v1/units'): '{"parent":"21220","name":"Thôn Mới","kind":"village","code":"21220-099"}',
    ('PATCH', '/api/v1/units/{code}'): '{"name":"Thôn Trường Thọ"}',
}

QUERIES = {
    '/api/v1/reports/summary': '?unit=21220&from=2025-12-15&to=2026-12-14&compare=previous_year&format=json',
    '/api/v1/reports/timeseries': '?unit=51&from=2025-01-01&to=2026-12-31&metric=activities',
    '/api/v1/reports/breakdown': '?unit=51&from=2025-01-01&to=2026-12-31&by=unit',
    '/api/v1/units/search': '?q=son+tinh&page=1&per_page=20',
    '/api/v1/units': '?parent=21220&include_inactive=true',
    '/api/v1/audit': '?page=1&per_page=50&action=login&from=2026-01-01',
    '/api/v1/mediations/book': '?unit=21220-001&year=2026',
    '/api/v1/tips': '?status=received,verifying&category=drugs&unit=21220&q=xe+may',
    '/api/v1/users': '?q=fz&page=1',
}

PARAMS = {'code': '21220-001', 'username': 'canbo.moi', 'id': '1', 'kind': 'topics', 'mid': '1', 'sid': '1',
          'attachment_id': '1'}

# A small JPEG (server/tests/data/photo.jpg) for the upload routes.
with open(os.path.join(HERE, '..', '..', 'tests', 'data', 'photo.jpg'), 'rb') as f:
    JPEG = f.read()


def fill(pattern, method):
    def rep(m):
        name = m.group(1)
        if name == 'code' and '/public/tips/' in pattern:
            return 'ABCD2345'
        if name == 'code' and '/tip-categories/' in pattern:
            return 'theft'
        if name == 'code' and '/catalog/' in pattern:
            return 'drugs'
        return PARAMS.get(name, '1')
    return re.sub(r'\{([a-z_]+)\}', rep, pattern)


def register_of(pattern):
    for name in REGISTERS:
        base = '/api/v1/' + name
        if pattern == base or re.fullmatch(re.escape(base) + r'/\{id\}', pattern):
            return name
    return None


def request(method, target, headers, body=b''):
    head = f'{method} {target}\n' + ''.join(f'{k}: {v}\n' for k, v in headers) + '\n'
    return head.encode('utf-8') + (body if isinstance(body, bytes) else body.encode('utf-8'))


def main():
    os.makedirs(OUT, exist_ok=True)
    seeds = []
    for line in open(sys.argv[1], encoding='utf-8'):
        line = line.strip()
        if not line or ' ' not in line:
            continue
        method, pattern = line.split(' ', 1)
        target = fill(pattern, method) + QUERIES.get(pattern, '')
        if pattern.endswith('/export'):
            target += '?format=csv&unit=21220'
        headers = []
        body = ''
        if method in ('POST', 'PATCH', 'PUT'):
            reg = register_of(pattern)
            body = BODIES.get((method, pattern)) or (REGISTERS[reg] if reg else '{}')
            headers.append(('Content-Type', 'application/json'))
        if pattern.startswith('/api/v1/public/'):
            headers.append(('Authorization', ''))
            headers.append(('X-Tip-Secret', 'ABCDEFGHJKLMNPQRSTUV'))
        if pattern.endswith('/attachments') and method == 'POST':
            headers = [h for h in headers if h[0] != 'Content-Type'] + [('Content-Type', 'image/jpeg')]
            body = JPEG
            target += '?keep_location=false'
        seeds.append((method + ' ' + pattern, request(method, target, headers, body)))
    # Hand-made: how a browser session calls, anonymous calls, idempotent retries, bad targets.
    seeds += [
        ('session', request('POST', '/api/v1/activities', [('Cookie', 'theme=dark; antq_session=$SESSION'), ('X-CSRF-Token', '$CSRF'),
                    ('Origin', 'http://127.0.0.1:8080'), ('Host', '127.0.0.1:8080'), ('Sec-Fetch-Site', 'same-origin'),
                    ('Content-Type', 'application/json')], REGISTERS['activities'])),
        ('session-no-csrf', request('PATCH', '/api/v1/activities/1', [('Cookie', 'antq_session=$SESSION')], '{"participants":null}')),
        ('commune', request('GET', '/api/v1/activities?unit=09574', [('Authorization', 'Bearer $COMMUNE')])),
        ('officer', request('POST', '/api/v1/opinions', [('Authorization', 'Bearer $OFFICER'), ('Content-Type', 'application/json')], REGISTERS['opinions'])),
        ('anonymous', request('GET', '/api/v1/tips', [('Authorization', '')])),
        ('idempotent', request('POST', '/api/v1/pledges', [('Idempotency-Key', 'retry-1'), ('Content-Type', 'application/json')], REGISTERS['pledges'])),
        ('route-index', request('@', '@45/1?page=2', [])),
        ('static', request('GET', '/assets/app-1a2b3c.js', [('Accept-Encoding', 'gzip, br;q=0.5'), ('If-None-Match', '"x"')])),
        ('spa', request('GET', '/tin-bao/12?x=1', [])),
        ('head', request('HEAD', '/healthz', [('X-Request-Id', 'abc-123')])),
        ('unknown-method', request('BREW', '/api/v1/units', [])),
        ('bad-target', request('GET', '/api/v1/units/%2e%2e/x', [])),
        ('bearer-garbage', request('GET', '/api/v1/auth/me', [('Authorization', 'Bearer ' + 'A' * 80)])),
        ('patch-nulls', request('PATCH', '/api/v1/groups/1', [('Content-Type', 'application/json')], '{"kind":null,"name":null,"members_count":null,"unit":null}')),
    ]
    for name, data in seeds:
        slug = re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')[:60]
        h = hashlib.sha1(data).hexdigest()[:8]
        with open(os.path.join(OUT, f'{slug}-{h}'), 'wb') as f:
            f.write(data)
    print(len(seeds), 'seeds in', os.path.normpath(OUT))


if __name__ == '__main__':
    main()
