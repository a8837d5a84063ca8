#include "modules/registers/register_openapi.hpp"

#include <boost/json.hpp>

namespace antq::registers {

namespace bj = boost::json;

namespace {

bj::object schema_of(const Field& f) {
  switch (f.type) {
    case FieldType::text:
    case FieldType::long_text: return {{"type", "string"}, {"maxLength", f.max_chars}};
    case FieldType::date: return {{"type", "string"}, {"format", "date"}};
    case FieldType::datetime: return {{"type", "string"}, {"format", "date-time"}};
    case FieldType::count: return {{"type", "integer"}, {"minimum", 0}, {"default", 0}};
    case FieldType::year: return {{"type", "integer"}, {"minimum", 1900}, {"maximum", 2100}};
    case FieldType::boolean: return {{"type", "boolean"}};
    case FieldType::code: return {{"type", "string"}, {"description", "Mã trong danh mục '" + f.catalog + "' (GET /api/v1/catalog)"}};
    case FieldType::codes:
      return {{"type", "array"},
              {"items", {{"type", "string"}}},
              {"minItems", f.min_items},
              {"description", "Mã trong danh mục '" + f.catalog + "'"}};
    case FieldType::choice: {
      bj::array e;
      for (const auto& c : f.choices) e.push_back(bj::value(c));
      return {{"type", "string"}, {"enum", std::move(e)}};
    }
    case FieldType::reference: return {{"type", "string"}, {"description", "Mã số bản ghi trong '" + f.ref_table + "'"}};
    case FieldType::items: {
      bj::object item_props;
      for (const auto& k : f.item_fields) {
        const bool is_date = k.size() > 3 && k.compare(k.size() - 3, 3, "_on") == 0;
        item_props[k] = is_date ? bj::object{{"type", "string"}, {"format", "date"}} : bj::object{{"type", "string"}};
      }
      return {{"type", "array"},
              {"items", {{"type", "object"}, {"properties", item_props}, {"required", bj::array{bj::value(f.item_fields.front())}}}}};
    }
    case FieldType::sealed_list:
      return {
          {"type", "array"},
          {"minItems", f.min_items},
          {"description", "Được mã hóa; danh sách và tệp xuất chỉ có số lượng"},
          {"items",
           {{"type", "object"},
            {"properties", {{"name", {{"type", "string"}}}, {"birth_year", {{"type", "integer"}}}, {"address", {{"type", "string"}}}}}}}};
  }
  return {};
}

bj::object error_ref() { return {{"$ref", "#/components/responses/Error"}}; }

}  // namespace

void add_openapi_paths(const Spec& spec, bj::object& paths) {
  bj::object props{{"unit", {{"type", "string"}, {"description", "Mã đơn vị"}}}};
  bj::array required{"unit"};
  for (const auto& f : spec.fields) {
    props[f.name] = schema_of(f);
    if (f.sealed) {
      props[f.name].as_object()["description"] =
          "Được mã hóa; chỉ có trong chi tiết cho người được phép xem, không có trong danh sách, tìm kiếm và tệp xuất";
    }
    if (f.required) required.push_back(bj::value(f.name));
  }
  const bj::object body_schema{{"type", "object"}, {"additionalProperties", false}, {"properties", props}, {"required", required}};
  const bj::object patch_schema{{"type", "object"}, {"additionalProperties", false}, {"properties", props}};
  const bj::array security{bj::object{{"session", bj::array{}}}, bj::object{{"bearer", bj::array{}}}};
  const bj::array tags{bj::value(spec.name)};
  auto op = [&](std::string summary) { return bj::object{{"summary", std::move(summary)}, {"tags", tags}, {"security", security}}; };
  auto responses = [&](int ok, std::initializer_list<int> errors) {
    bj::object r{{std::to_string(ok), {{"description", "OK"}}}};
    for (int e : errors) r[std::to_string(e)] = error_ref();
    return r;
  };
  auto body = [](const bj::object& schema) {
    return bj::object{{"required", true}, {"content", {{"application/json", {{"schema", schema}}}}}};
  };
  bj::array list_params{
      bj::object{{"name", "unit"}, {"in", "query"}, {"schema", {{"type", "string"}}}, {"description", "Cả cây đơn vị con"}},
      bj::object{{"name", "from"}, {"in", "query"}, {"schema", {{"type", "string"}, {"format", "date"}}}},
      bj::object{{"name", "to"}, {"in", "query"}, {"schema", {{"type", "string"}, {"format", "date"}}}},
      bj::object{{"name", "q"}, {"in", "query"}, {"schema", {{"type", "string"}}}, {"description", "Tìm không dấu"}},
      bj::object{{"name", "page"}, {"in", "query"}, {"schema", {{"type", "integer"}}}},
      bj::object{{"name", "per_page"}, {"in", "query"}, {"schema", {{"type", "integer"}}}}};
  for (const auto& f : spec.fields)
    if (f.filterable) list_params.push_back(bj::object{{"name", f.name}, {"in", "query"}, {"schema", {{"type", "string"}}}});

  const std::string base = "/api/v1/" + spec.name;
  bj::object list = op("Danh sách: " + spec.title);
  list["parameters"] = list_params;
  list["responses"] = responses(200, {400, 401, 403, 404});
  bj::object create = op("Thêm: " + spec.title);
  create["requestBody"] = body(body_schema);
  create["responses"] = responses(201, {400, 401, 403});
  paths[base] = bj::object{{"get", list}, {"post", create}};

  bj::object exp = op("Xuất CSV hoặc XLSX đúng như danh sách đang lọc: " + spec.title);
  bj::array exp_params = list_params;
  exp_params.push_back(bj::object{{"name", "format"}, {"in", "query"}, {"schema", {{"type", "string"}, {"enum", {"csv", "xlsx"}}}}});
  exp["parameters"] = exp_params;
  exp["responses"] = responses(200, {400, 401, 403, 404});
  paths[base + "/export"] = bj::object{{"get", exp}};

  bj::object get = op("Chi tiết: " + spec.title);
  get["responses"] = responses(200, {401, 403, 404});
  bj::object patch = op("Sửa: " + spec.title);
  patch["requestBody"] = body(patch_schema);
  patch["responses"] = responses(200, {400, 401, 403, 404});
  bj::object del = op("Xóa: " + spec.title);
  del["responses"] = responses(204, {401, 403, 404, 409});
  paths[base + "/{id}"] = bj::object{
      {"parameters", bj::array{bj::object{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}}},
      {"get", get},
      {"patch", patch},
      {"delete", del}};

  if (!spec.attachments) return;
  const bj::array id_param{bj::object{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}};
  bj::object up =
      op("Gửi ảnh, video (nội dung tệp thô, tối đa 25 MiB; loại tệp xác định theo nội dung; xóa vị trí trừ khi keep_location=true)");
  up["parameters"] = bj::array{bj::object{{"name", "keep_location"}, {"in", "query"}, {"schema", {{"type", "boolean"}}}}};
  up["requestBody"] =
      bj::object{{"required", true}, {"content", {{"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
  up["responses"] = responses(201, {400, 401, 403, 404, 413, 415, 422});
  bj::object files = op("Ảnh, video của bản ghi");
  files["responses"] = responses(200, {401, 403, 404});
  paths[base + "/{id}/attachments"] = bj::object{{"parameters", id_param}, {"get", files}, {"post", up}};
  bj::object one = op("Tải một tệp đính kèm");
  one["responses"] = responses(200, {401, 403, 404});
  bj::array both = id_param;
  both.push_back(bj::object{{"name", "attachment_id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  paths[base + "/{id}/attachments/{attachment_id}"] = bj::object{{"parameters", both}, {"get", one}};
}

}  // namespace antq::registers
