/**
 * The movement registers (sổ theo dõi phong trào, docs/api/registers.md) described as data, the
 * way the server describes them (server/src/modules/<register>/<register>_spec.cpp): one list page
 * and one form draw every register from these configs. Labels are the server's own Vietnamese
 * labels (the export headers) with an English translation; `config.test.ts` reads the server's
 * spec files and fails when the two drift apart.
 */

export type FieldType =
  | 'text' // one line
  | 'long_text' // several lines
  | 'date' // YYYY-MM-DD
  | 'datetime' // RFC 3339
  | 'count' // integer ≥ 0, default 0
  | 'year'
  | 'boolean'
  | 'code' // one catalogue code
  | 'codes' // a list of catalogue codes
  | 'choice' // one of fixed values
  | 'reference' // id of a record of another register
  | 'people' // a sealed list of {name, birth_year, address}
  | 'items'; // a list of plain objects (`itemFields`; keys ending in "_on" are dates), e.g. milestones

/** Kinds of GET /api/v1/catalog. */
export const CATALOG_KINDS = ['forces', 'activity_types', 'topics', 'model_fields', 'dispute_types', 'award_forms', 'group_kinds'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export type RegisterName =
  | 'activities'
  | 'opinions'
  | 'models'
  | 'groups'
  | 'patrols'
  | 'mediations'
  | 'programs'
  | 'pledges'
  | 'awards'
  | 'reintegration'
  | 'hotspots';

/** A text in both languages: Vietnamese (the server's wording) and English. */
export interface Label {
  vi: string;
  en: string;
}

export interface Choice {
  code: string;
  label: Label;
}

export interface FieldSpec {
  name: string;
  type: FieldType;
  label: Label;
  required?: boolean;
  /** code, codes: the catalogue kind of the options. */
  catalog?: CatalogKind;
  /** choice: the values, in the server's order. */
  choices?: readonly Choice[];
  /** choice: what the server stores when nothing is sent. */
  defaultChoice?: string;
  /** reference: the register whose records the field points to. */
  ref?: RegisterName;
  /** text: maximum length (characters). */
  max?: number;
  /** codes, people: at least this many items. */
  minItems?: number;
  /** date, datetime: not after today. */
  noFuture?: boolean;
  /** ?<name>= filters the list exactly (codes: "contains"). */
  filter?: boolean;
  /** date: must not be before this other date field of the same record. */
  notBefore?: string;
  /**
   * text, long_text, year: a sealed personal field (a person's name, ID number, address): never
   * in lists, searches or exports; in the detail only when the caller may see the identity.
   */
  sealed?: boolean;
  /** sealed: also searchable exactly (through a keyed hash on the server). */
  hashed?: boolean;
  /** items: the keys of each item, in order (keys ending in "_on" are dates). */
  itemFields?: readonly string[];
  /** items: the keys that every item must have. */
  itemRequired?: readonly string[];
  /** Required only while another field has this value (hotspots: transformed_on when transformed). */
  requiredWhen?: { field: string; value: string };
}

export interface RegisterConfig {
  name: RegisterName;
  /** The page's address: /so/<slug>. */
  slug: string;
  /** The register's name in the menu and the page title. */
  title: Label;
  /** One record, as in "Thêm hoạt động". */
  item: Label;
  readPermission: string;
  writePermission: string;
  /** The date the list orders by and ?from=&to= filter on (none for pledges). */
  dateField?: string;
  /** The field that names a record (the link of a row, the label of a reference). */
  titleField: string;
  fields: readonly FieldSpec[];
  /** Columns of the table on wide screens, after the date and before the unit. */
  columns: readonly string[];
  /** Units a record may belong to (empty: any). */
  unitKinds?: readonly string[];
  /** The API path after /api/v1/ when it is not the register's name ("reintegration/people"). */
  apiPath?: string;
  /** The page's own address when it is not /so/<slug> ("/tai-hoa-nhap"). */
  path?: string;
  /** The menu group: the movement registers (default) or the security work. */
  menu?: 'movement' | 'security';
  /** Records are named by a pseudonymous reference `ref` ("HN-000012"), never by a person's name. */
  pseudonymous?: boolean;
  /** Fields the edit form leaves out because the page changes them elsewhere (a status with its date). */
  editElsewhere?: readonly string[];
  /** Records take photos and videos (`/api/v1/<register>/{id}/attachments`), as the server's spec says. */
  attachments?: boolean;
}

// --- field builders (as terse as the server's) ------------------------------------------------

const L = (vi: string, en: string): Label => ({ vi, en });
const text = (name: string, label: Label, required = false, max = 300): FieldSpec => ({ name, type: 'text', label, required, max });
const longText = (name: string, label: Label, required = false): FieldSpec => ({ name, type: 'long_text', label, required, max: 5000 });
const date = (name: string, label: Label, required = false, noFuture = false, notBefore?: string): FieldSpec => ({
  name,
  type: 'date',
  label,
  required,
  noFuture,
  notBefore,
});
const datetime = (name: string, label: Label, required = false, noFuture = false, notBefore?: string): FieldSpec => ({
  name,
  type: 'datetime',
  label,
  required,
  noFuture,
  notBefore,
});
const count = (name: string, label: Label): FieldSpec => ({ name, type: 'count', label });
const year = (name: string, label: Label, required = false, filter = false): FieldSpec => ({ name, type: 'year', label, required, filter });
const code = (name: string, label: Label, catalog: CatalogKind, required = false): FieldSpec => ({
  name,
  type: 'code',
  label,
  catalog,
  required,
  filter: true,
});
const codes = (name: string, label: Label, catalog: CatalogKind, minItems = 0): FieldSpec => ({
  name,
  type: 'codes',
  label,
  catalog,
  minItems,
  required: minItems > 0,
  filter: true,
});
const choice = (name: string, label: Label, choices: readonly Choice[], required = false, defaultChoice?: string): FieldSpec => ({
  name,
  type: 'choice',
  label,
  choices,
  required,
  defaultChoice,
  filter: true,
});
const C = (c: string, vi: string, en: string): Choice => ({ code: c, label: { vi, en } });
const reference = (name: string, label: Label, ref: RegisterName): FieldSpec => ({ name, type: 'reference', label, ref });
const people = (name: string, label: Label, minItems: number): FieldSpec => ({
  name,
  type: 'people',
  label,
  minItems,
  required: minItems > 0,
});

/** A sealed personal field (see FieldSpec.sealed); `hashed`: exact search. */
const sealed = (f: FieldSpec, hashed = false): FieldSpec => ({ ...f, sealed: true, hashed, filter: false });
const items = (name: string, label: Label, itemFields: readonly string[], itemRequired: readonly string[] = []): FieldSpec => ({
  name,
  type: 'items',
  label,
  itemFields,
  itemRequired,
});

// --- the registers -----------------------------------------------------------------------------

export const REGISTERS: readonly RegisterConfig[] = [
  {
    name: 'activities',
    slug: 'hoat-dong',
    title: L('Hoạt động', 'Activities'),
    item: L('hoạt động', 'activity'),
    readPermission: 'movement.read',
    writePermission: 'activities.write',
    attachments: true,
    dateField: 'date',
    titleField: 'title',
    fields: [
      code('type', L('Loại hoạt động', 'Type of activity'), 'activity_types', true),
      date('date', L('Ngày', 'Date'), true, true),
      text('title', L('Nội dung', 'Content'), true),
      codes('organizers', L('Lực lượng tổ chức', 'Organising forces'), 'forces', 1),
      codes('audience', L('Đối tượng tham gia', 'Audience'), 'forces'),
      codes('topics', L('Chủ đề', 'Topics'), 'topics'),
      count('participants', L('Số lượt người tham gia', 'Participants')),
      count('quantity', L('Số lượng (tờ rơi…)', 'Quantity (leaflets…)')),
      reference('program_id', L('Chương trình phối hợp', 'Coordination programme'), 'programs'),
      longText('notes', L('Ghi chú', 'Notes')),
    ],
    columns: ['type', 'title', 'organizers', 'participants'],
  },
  {
    name: 'opinions',
    slug: 'y-kien',
    title: L('Ý kiến nhân dân', "People's opinions"),
    item: L('ý kiến', 'opinion'),
    readPermission: 'movement.read',
    writePermission: 'opinions.write',
    dateField: 'received_on',
    titleField: 'content',
    fields: [
      reference('activity_id', L('Hội nghị', 'Conference'), 'activities'),
      choice(
        'source',
        L('Nguồn', 'Source'),
        [C('conference', 'Hội nghị', 'Conference'), C('online', 'Trực tuyến', 'Online'), C('other', 'Khác', 'Other')],
        false,
        'conference',
      ),
      code('topic', L('Lĩnh vực', 'Topic'), 'topics', true),
      longText('content', L('Nội dung ý kiến', 'Opinion'), true),
      longText('response', L('Trả lời, giải quyết', 'Answer, action taken')),
      choice(
        'status',
        L('Tình trạng', 'Status'),
        [
          C('received', 'Đã tiếp nhận', 'Received'),
          C('answered', 'Đã trả lời', 'Answered'),
          C('forwarded', 'Đã chuyển cơ quan chức năng', 'Forwarded to the authorities'),
        ],
        false,
        'received',
      ),
      date('received_on', L('Ngày nhận', 'Received on'), true, true),
    ],
    columns: ['topic', 'content', 'source', 'status'],
  },
  {
    name: 'models',
    slug: 'mo-hinh',
    title: L('Mô hình, chuyên đề', 'Models and themes'),
    item: L('mô hình', 'model'),
    readPermission: 'movement.read',
    writePermission: 'models.write',
    dateField: 'started_on',
    titleField: 'name',
    fields: [
      text('name', L('Tên mô hình', 'Name'), true),
      choice('kind', L('Loại', 'Kind'), [C('model', 'Mô hình', 'Model'), C('thematic', 'Chuyên đề', 'Theme')], true),
      code('field', L('Lĩnh vực', 'Field'), 'model_fields', true),
      date('started_on', L('Ngày bắt đầu', 'Started on'), true, true),
      date('ended_on', L('Ngày kết thúc', 'Ended on'), false, false, 'started_on'),
      longText('description', L('Mô tả', 'Description')),
    ],
    columns: ['name', 'kind', 'field', 'ended_on'],
  },
  {
    name: 'groups',
    slug: 'to-nhom',
    title: L('Tổ, nhóm', 'Groups and teams'),
    item: L('tổ, nhóm', 'group'),
    readPermission: 'movement.read',
    writePermission: 'groups.write',
    dateField: 'started_on',
    titleField: 'name',
    fields: [
      code('kind', L('Loại', 'Kind'), 'group_kinds', true),
      text('name', L('Tên', 'Name'), true),
      date('started_on', L('Ngày thành lập', 'Founded on'), true, true),
      choice('platform', L('Nền tảng', 'Platform'), [
        C('zalo', 'Zalo', 'Zalo'),
        C('facebook', 'Facebook', 'Facebook'),
        C('other', 'Khác', 'Other'),
      ]),
      text('leader', L('Tổ trưởng, quản trị viên', 'Leader, administrator'), false, 200),
      count('members_count', L('Số thành viên', 'Members')),
      date('dissolved_on', L('Ngày giải thể', 'Dissolved on'), false, false, 'started_on'),
      text('channel_ref', L('Mã nhóm trên nền tảng (để gửi tin tự động)', 'Group id on the platform (for automatic posting)'), false, 100),
    ],
    columns: ['kind', 'name', 'leader', 'members_count'],
  },
  {
    name: 'patrols',
    slug: 'tuan-tra',
    title: L('Tuần tra', 'Patrols'),
    item: L('buổi tuần tra', 'patrol'),
    readPermission: 'movement.read',
    writePermission: 'patrols.write',
    attachments: true,
    dateField: 'started_at',
    titleField: 'route',
    fields: [
      reference('team_id', L('Tổ tuần tra', 'Patrol team'), 'groups'),
      datetime('started_at', L('Bắt đầu', 'Started at'), true, true),
      datetime('ended_at', L('Kết thúc', 'Ended at'), false, false, 'started_at'),
      text('route', L('Tuyến, địa bàn', 'Route, area')),
      count('participants', L('Số người tham gia', 'Participants')),
      count('incidents', L('Số vụ việc phát hiện', 'Incidents found')),
      longText('notes', L('Ghi chú', 'Notes')),
    ],
    columns: ['route', 'participants', 'incidents'],
  },
  {
    name: 'mediations',
    slug: 'hoa-giai',
    title: L('Hòa giải', 'Mediation'),
    item: L('vụ việc hòa giải', 'mediation case'),
    readPermission: 'mediations.read',
    writePermission: 'mediations.write',
    attachments: true,
    dateField: 'received_on',
    titleField: 'content',
    fields: [
      date('received_on', L('Ngày nhận', 'Received on'), true, true),
      code('dispute_type', L('Loại việc', 'Type of dispute'), 'dispute_types', true),
      people('parties', L('Các bên', 'Parties'), 1),
      choice(
        'outcome',
        L('Kết quả', 'Outcome'),
        [
          C('pending', 'Đang hòa giải', 'In progress'),
          C('successful', 'Hòa giải thành', 'Successful'),
          C('unsuccessful', 'Hòa giải không thành', 'Unsuccessful'),
          C('transferred', 'Chuyển cơ quan có thẩm quyền', 'Transferred to the authorities'),
        ],
        true,
      ),
      text('mediators', L('Hòa giải viên, người được mời', 'Mediators, people invited'), false, 500),
      longText('content', L('Nội dung chính', 'Main content')),
      longText('agreement', L('Thỏa thuận, yêu cầu của các bên', "Parties' agreement, requests")),
      date('closed_on', L('Ngày kết thúc', 'Closed on'), false, false, 'received_on'),
    ],
    columns: ['dispute_type', 'content', 'parties', 'outcome', 'closed_on'],
    unitKinds: ['village', 'commune'],
  },
  {
    name: 'programs',
    slug: 'chuong-trinh',
    title: L('Chương trình phối hợp', 'Coordination programmes'),
    item: L('chương trình', 'programme'),
    readPermission: 'movement.read',
    writePermission: 'programs.write',
    dateField: 'signed_on',
    titleField: 'title',
    fields: [
      text('number', L('Số', 'Number'), true, 60),
      text('title', L('Tên chương trình', 'Title'), true),
      codes('parties', L('Các bên ký kết', 'Signing parties'), 'forces'),
      date('signed_on', L('Ngày ký', 'Signed on'), true, true),
      date('period_from', L('Hiệu lực từ', 'In force from')),
      date('period_to', L('Đến', 'Until'), false, false, 'period_from'),
    ],
    columns: ['number', 'title', 'parties', 'period_to'],
  },
  {
    name: 'pledges',
    slug: 'cam-ket',
    title: L('Cam kết', 'Pledges'),
    item: L('cam kết', 'pledge'),
    readPermission: 'movement.read',
    writePermission: 'pledges.write',
    titleField: 'pledger',
    fields: [
      choice(
        'pledger_kind',
        L('Bên cam kết', 'Pledger'),
        [
          C('household', 'Hộ gia đình', 'Household'),
          C('unit', 'Cơ quan, đơn vị', 'Agency, unit'),
          C('establishment', 'Cơ sở kinh doanh', 'Business'),
        ],
        true,
      ),
      text('pledger', L('Tên hộ, đơn vị, cơ sở', 'Name of the household, unit, business'), true),
      longText('content', L('Nội dung cam kết', 'Pledge'), true),
      year('year', L('Năm', 'Year'), true, true),
      choice(
        'result',
        L('Kết quả', 'Result'),
        [C('pending', 'Đang thực hiện', 'In progress'), C('kept', 'Thực hiện tốt', 'Kept'), C('broken', 'Vi phạm cam kết', 'Broken')],
        false,
        'pending',
      ),
    ],
    columns: ['year', 'pledger_kind', 'pledger', 'result'],
  },
  {
    name: 'awards',
    slug: 'khen-thuong',
    title: L('Khen thưởng', 'Awards'),
    item: L('khen thưởng', 'award'),
    readPermission: 'movement.read',
    writePermission: 'awards.write',
    dateField: 'date',
    titleField: 'recipient_name',
    fields: [
      code('form', L('Hình thức', 'Form'), 'award_forms', true),
      text('issuer', L('Cấp khen', 'Awarded by'), true),
      choice(
        'recipient_kind',
        L('Tập thể / cá nhân', 'Collective / individual'),
        [C('collective', 'Tập thể', 'Collective'), C('individual', 'Cá nhân', 'Individual')],
        true,
      ),
      text('recipient_name', L('Tên tập thể, cá nhân', 'Recipient'), true),
      date('date', L('Ngày', 'Date'), true, true),
      longText('reason', L('Thành tích', 'Achievement')),
      reference('program_id', L('Chương trình phối hợp', 'Coordination programme'), 'programs'),
    ],
    columns: ['form', 'recipient_name', 'recipient_kind', 'issuer'],
  },
  {
    name: 'reintegration',
    slug: 'tai-hoa-nhap',
    path: '/tai-hoa-nhap',
    apiPath: 'reintegration/people',
    menu: 'security',
    pseudonymous: true,
    title: L('Giúp đỡ, tái hòa nhập cộng đồng', 'Community reintegration'),
    item: L('người được giúp đỡ', 'person helped'),
    readPermission: 'reintegration.read',
    writePermission: 'reintegration.write',
    dateField: 'start_date',
    titleField: 'ref',
    fields: [
      choice(
        'category',
        L('Diện', 'Category'),
        [
          C('released_prisoner', 'Người chấp hành xong án phạt tù', 'Released from prison'),
          C('post_rehab', 'Người sau cai nghiện ma túy', 'After drug rehabilitation'),
          C('juvenile_offender', 'Người chưa thành niên vi phạm pháp luật', 'Juvenile offender'),
          C('administrative_measure', 'Người bị áp dụng biện pháp xử lý hành chính', 'Under an administrative measure'),
          C('other', 'Khác', 'Other'),
        ],
        true,
      ),
      sealed(text('name', L('Họ và tên', 'Full name'), true, 120), true),
      sealed(year('birth_year', L('Năm sinh', 'Year of birth'))),
      sealed(text('id_number', L('Số định danh cá nhân', 'Personal ID number'), false, 20), true),
      sealed(text('address', L('Nơi cư trú', 'Residence'))),
      date('start_date', L('Ngày bắt đầu giúp đỡ', 'Help started on'), true, true),
      sealed(text('helper_family', L('Người thân giúp đỡ', 'Family member helping'), false, 200)),
      sealed(text('helper_clan', L('Dòng họ giúp đỡ', 'Clan helping'), false, 200)),
      text('helper_organisation', L('Tổ chức giúp đỡ', 'Organisation helping'), false, 200),
      text('helper_officer', L('Cán bộ phụ trách', 'Officer in charge'), false, 120),
      sealed(longText('plan', L('Kế hoạch giúp đỡ', 'Help plan'))),
      choice(
        'status',
        L('Tình trạng', 'Status'),
        [
          C('active', 'Đang giúp đỡ', 'Being helped'),
          C('progressing', 'Có tiến bộ', 'Progressing'),
          C('completed', 'Đã hoàn thành', 'Completed'),
          C('reoffended', 'Tái phạm', 'Reoffended'),
          C('moved', 'Chuyển nơi cư trú', 'Moved away'),
        ],
        false,
        'active',
      ),
      date('status_since', L('Ngày chuyển tình trạng', 'Status since'), false, true, 'start_date'),
    ],
    columns: ['category', 'status'],
    unitKinds: ['village', 'commune'],
    editElsewhere: ['status', 'status_since'],
  },
  {
    name: 'hotspots',
    slug: 'dia-ban-trong-diem',
    path: '/dia-ban-trong-diem',
    menu: 'security',
    title: L('Địa bàn trọng điểm', 'Hotspots'),
    item: L('địa bàn trọng điểm', 'hotspot'),
    readPermission: 'hotspots.read',
    writePermission: 'hotspots.write',
    dateField: 'designated_on',
    titleField: 'name',
    fields: [
      text('name', L('Tên địa bàn', 'Area'), true, 200),
      codes('problem_types', L('Vấn đề phức tạp', 'Problems'), 'topics', 1),
      date('designated_on', L('Ngày xác định', 'Designated on'), true, true),
      text('decision', L('Quyết định, văn bản xác định', 'Designation decision'), false, 200),
      longText('plan', L('Kế hoạch chuyển hóa', 'Transformation plan')),
      items('milestones', L('Các mốc kế hoạch', 'Plan milestones'), ['title', 'due_on', 'done_on'], ['title', 'due_on']),
      choice(
        'status',
        L('Tình trạng', 'Status'),
        [
          C('designated', 'Đã xác định', 'Designated'),
          C('transforming', 'Đang chuyển hóa', 'Transforming'),
          C('transformed', 'Đã chuyển hóa', 'Transformed'),
          C('removed', 'Đưa ra khỏi danh sách', 'Removed from the list'),
        ],
        false,
        'designated',
      ),
      {
        ...date('transformed_on', L('Ngày công nhận chuyển hóa', 'Recognised as transformed on'), false, true, 'designated_on'),
        requiredWhen: { field: 'status', value: 'transformed' },
      },
      longText('notes', L('Ghi chú', 'Notes')),
    ],
    columns: ['name', 'problem_types', 'milestones', 'status', 'transformed_on'],
    unitKinds: ['village', 'commune'],
  },
];

export const REGISTER_BY_NAME = Object.fromEntries(REGISTERS.map((r) => [r.name, r])) as Record<RegisterName, RegisterConfig>;

/** The register shown at /so/<slug>, or undefined. */
export function registerBySlug(slug: string | undefined): RegisterConfig | undefined {
  return MOVEMENT_REGISTERS.find((r) => r.slug === slug);
}

/** The address of a register's page. */
export const registerPath = (r: RegisterConfig) => r.path ?? `/so/${r.slug}`;

/** The registers of the "Sổ phong trào" menu group (and the /so/<slug> pages). */
export const MOVEMENT_REGISTERS = REGISTERS.filter((r) => (r.menu ?? 'movement') === 'movement');

/** The API path of a register after /api/v1/. */
export const registerApiPath = (r: RegisterConfig | RegisterName) => {
  const cfg = typeof r === 'string' ? REGISTER_BY_NAME[r] : r;
  return cfg?.apiPath ?? (typeof r === 'string' ? r : r.name);
};

/** The quick "Ghi hoạt động" form of a village officer. */
export const QUICK_ACTIVITY_PATH = '/so/ghi-hoat-dong';

export function fieldOfRegister(r: RegisterConfig, name: string): FieldSpec | undefined {
  return r.fields.find((f) => f.name === name);
}

/** Fields the list can filter on, in the form's order. */
export function filterFields(r: RegisterConfig): FieldSpec[] {
  return r.fields.filter((f) => f.filter);
}

/** A text in the language shown ("en" or anything else for Vietnamese). */
export function pick(label: Label, language: string | undefined): string {
  return language === 'en' ? label.en : label.vi;
}

/** The label of a choice value in the language shown; the value itself when unknown. */
export function choiceLabel(field: FieldSpec, value: unknown, language?: string): string {
  if (typeof value !== 'string' || !value) return '';
  const c = field.choices?.find((x) => x.code === value);
  return c ? pick(c.label, language) : value;
}

/** The names the form uses (the unit and every field): where server errors can be shown. */
export function formFieldNames(r: RegisterConfig): string[] {
  return ['unit', ...r.fields.map((f) => f.name)];
}
