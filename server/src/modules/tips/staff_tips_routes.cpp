#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/time.hpp"
#include "http/file_response.hpp"
#include "http/params.hpp"
#include "modules/tips/tip_input.hpp"
#include "modules/tips/tip_json.hpp"
#include "modules/tips/tips_routes.hpp"

namespace antq::tips {

namespace bj = boost::json;

namespace {

// A malformed id is a tip that is not there.
std::int64_t tip_id_param(const http::Request& req, const std::string& name) {
  return http::id_param(req, name, "Không tìm thấy tin báo.");
}

std::vector<std::string> list_param(const http::Request& req, const std::string& name, bool (*valid)(std::string_view)) {
  std::vector<std::string> out;
  auto v = http::text_param(req, name, 400);
  if (!v) return out;
  std::stringstream ss(*v);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    if (valid && !valid(item)) throw BadRequest("Giá trị '" + item + "' của tham số '" + name + "' không hợp lệ.", name);
    if (item.size() > 40) throw BadRequest("Tham số '" + name + "' không hợp lệ.", name);
    out.push_back(item);
  }
  return out;
}

Outcome parse_outcome(const bj::object& o) {
  const json::ObjectReader in(o);
  in.allow_only({"valid", "cases_solved", "suspects_arrested", "wanted_caught", "transferred_to", "decision", "public_note"});
  // No default: a missing or null answer is not "no" (it would count as an unfounded tip).
  const auto v = o.find("valid");
  if (v == o.end() || !v->value().is_bool()) {
    throw BadRequest("Hãy ghi rõ tin báo có cơ sở hay không (outcome.valid: true hoặc false).", "outcome.valid");
  }
  const bool valid = v->value().as_bool();
  Outcome out;
  out.valid = valid;
  out.cases_solved = in.optional_int("cases_solved", 0, 100000).value_or(0);
  out.suspects_arrested = in.optional_int("suspects_arrested", 0, 100000).value_or(0);
  out.wanted_caught = in.optional_int("wanted_caught", 0, 100000).value_or(0);
  out.transferred_to = in.optional_string("transferred_to", 300);
  out.decision = in.optional_string("decision", 20);
  if (out.decision && !is_decision(*out.decision)) {
    throw BadRequest("Quyết định phải là prosecute, not_prosecute, suspend hoặc other.", "outcome.decision");
  }
  out.public_note = in.optional_string("public_note", 1000);
  return out;
}

TipPatch parse_patch(const bj::object& body) {
  const json::ObjectReader in(body);
  in.allow_only({"status", "reason", "assignee", "outcome", "duplicate_of", "transfer_required", "passed_on_to", "extend"});
  TipPatch p;
  p.status = in.optional_string("status", 20);
  if (p.status && !is_status(*p.status)) {
    throw BadRequest("Trạng thái phải là received, verifying, assigned, resolved, closed, rejected hoặc duplicate.", "status");
  }
  p.reason = in.optional_string("reason", 1000);
  p.assignee = in.optional_string("assignee", 64);
  if (const auto* o = in.optional_object("outcome")) p.outcome = parse_outcome(*o);
  p.duplicate_of = in.optional_id("duplicate_of");
  p.transfer_required = in.optional_bool("transfer_required");
  p.passed_on_to = in.optional_string("passed_on_to", 300);
  if (p.passed_on_to && p.passed_on_to->empty()) throw BadRequest("Hãy ghi cơ quan nhận tin báo.", "passed_on_to");
  if (const auto* e = in.optional_object("extend")) {
    const json::ObjectReader ex(*e);
    ex.allow_only({"until", "reason"});
    p.extend_until = ex.required_string("until", 10);
    p.extend_reason = ex.required_string("reason", 1000);
  }
  return p;
}

}  // namespace

void register_staff_routes(http::Router& router, TipsService& service) {
  router.add({"POST", "/api/v1/tips", http::Access::staff}, [&service](http::Request& req) {
    const NewTip tip = parse_new_tip(json::parse_object(req.body), false);
    const Submitted s = service.create(*req.principal, tip, req.request_id);
    bj::object o = staff_view_json(service.detail(*req.principal, s.tip.id), timeutil::now_utc());
    o["secret"] = s.secret;  // for the officer to hand to the reporter, once
    http::Response r = http::Response::json(o, 201);
    r.header("Cache-Control", "no-store");
    return r;
  });

  router.add({"GET", "/api/v1/tips", http::Access::staff}, [&service](http::Request& req) {
    TipFilter f;
    f.unit = http::text_param(req, "unit", 40);
    f.statuses = list_param(req, "status", &is_status);
    f.categories = list_param(req, "category", nullptr);
    f.from = http::date_param(req, "from");
    f.to = http::date_param(req, "to");
    f.overdue = http::bool_param(req, "overdue");
    if (req.query.count("held")) f.held = http::bool_param(req, "held");
    f.assignee = http::text_param(req, "assignee", 64);
    f.q = http::text_param(req, "q", 200);
    const auto paging = http::paging(req);
    f.page = paging.page;
    f.page_size = paging.per_page;
    auto [tips, total] = service.list(*req.principal, f);
    const std::string now = timeutil::now_utc();
    bj::array items;
    for (const auto& t : tips) items.push_back(list_item_json(t, now));
    return http::page_json(std::move(items), total, paging);
  });

  // Screening a tip held during a flood: it joins the ordinary inbox (handling it does too).
  router.add({"POST", "/api/v1/tips/{id}/release", http::Access::staff}, [&service](http::Request& req) {
    const auto id = tip_id_param(req, "id");
    service.release(*req.principal, id, req.request_id);
    return http::Response::json(staff_view_json(service.detail(*req.principal, id), timeutil::now_utc()));
  });

  // Whom the tip may be given to (the handling form's list).
  router.add({"GET", "/api/v1/tips/{id}/assignees", http::Access::staff}, [&service](http::Request& req) {
    bj::array items;
    for (const auto& a : service.assignees(*req.principal, tip_id_param(req, "id"))) items.push_back(assignee_json(a));
    return http::Response::json(bj::object{{"items", std::move(items)}});
  });

  router.add({"GET", "/api/v1/tips/{id}", http::Access::staff}, [&service](http::Request& req) {
    return http::Response::json(staff_view_json(service.detail(*req.principal, tip_id_param(req, "id")), timeutil::now_utc()));
  });

  router.add({"PATCH", "/api/v1/tips/{id}", http::Access::staff}, [&service](http::Request& req) {
    const auto id = tip_id_param(req, "id");
    const TipPatch p = parse_patch(json::parse_object(req.body));
    service.update(*req.principal, id, p, req.request_id);
    return http::Response::json(staff_view_json(service.detail(*req.principal, id), timeutil::now_utc()));
  });

  router.add({"POST", "/api/v1/tips/{id}/messages", http::Access::staff}, [&service](http::Request& req) {
    const auto id = tip_id_param(req, "id");
    const std::string body = parse_message(json::parse_object(req.body));
    return http::Response::json(staff_message_json(service.officer_message(*req.principal, id, body, req.request_id)), 201);
  });

  http::RouteSpec reveal{"POST", "/api/v1/tips/{id}/reveal", http::Access::staff};
  reveal.idempotent = false;  // an identity must never sit in the idempotency store
  router.add(reveal, [&service](http::Request& req) {
    const auto id = tip_id_param(req, "id");
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"reason"});
    const std::string reason = in.optional_string("reason", 500).value_or("");
    const Reporter r = service.reveal(*req.principal, id, reason, req.request_id);
    http::Response res = http::Response::json(
        bj::object{{"reporter", bj::object{{"name", r.name}, {"phone", r.phone}, {"email", r.email}, {"address", r.address}}}});
    res.header("Cache-Control", "no-store");
    return res;
  });

  router.add({"GET", "/api/v1/tips/{id}/attachments/{attachment_id}", http::Access::staff}, [&service](http::Request& req) {
    const auto id = tip_id_param(req, "id");
    const auto aid = tip_id_param(req, "attachment_id");
    const StoredFile f = service.attachment_file(*req.principal, id, aid);
    return http::file_response(f.path, f.media_type, f.download_name);
  });

  router.add({"POST", "/api/v1/tip-categories", http::Access::staff}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"code", "label", "label_en"});
    Category c;
    c.code = in.required_string("code", 40);
    for (char ch : c.code) {
      if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) {
        throw BadRequest("Mã loại tin báo chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới.", "code");
      }
    }
    c.label = in.required_string("label", 100);
    c.label_en = in.optional_string("label_en", 100).value_or("");
    return http::Response::json(category_json(service.add_category(*req.principal, c, req.request_id)), 201);
  });

  router.add({"PATCH", "/api/v1/tip-categories/{code}", http::Access::staff}, [&service](http::Request& req) {
    const auto obj = json::parse_object(req.body);
    const json::ObjectReader in(obj);
    in.allow_only({"label", "label_en", "active"});
    auto label = in.optional_string("label", 100);
    if (label && label->empty()) throw BadRequest("Tên loại tin báo không được để trống.", "label");
    auto label_en = in.optional_string("label_en", 100);
    auto active = in.optional_bool("active");
    if (!label && !label_en && !active) throw BadRequest("Không có thay đổi nào được gửi lên.");
    return http::Response::json(
        category_json(service.edit_category(*req.principal, req.param("code"), label, label_en, active, req.request_id)));
  });
}

}  // namespace antq::tips
