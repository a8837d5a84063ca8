#include "modules/opinions/opinions_spec.hpp"

#include "modules/module_host.hpp"
#include "modules/opinions/public_opinions.hpp"
#include "modules/registers/field_builders.hpp"

namespace antq::opinions {

registers::Spec spec() {
  namespace f = registers::f;
  registers::Spec s;
  s.name = "opinions";
  s.entity = "opinion";
  s.title = "Ý kiến của Nhân dân";
  s.table = "opinions";
  s.write_permission = "opinions.write";
  s.fields = {f::reference("activity_id", "Hội nghị", "activities"),
              f::choice("source", "Nguồn", {{"conference", "Hội nghị"}, {"online", "Trực tuyến"}, {"other", "Khác"}}, false, "conference"),
              f::code("topic", "Lĩnh vực", "topics", true),
              f::long_text("content", "Nội dung ý kiến", true),
              f::long_text("response", "Trả lời, giải quyết"),
              f::choice("status", "Tình trạng",
                        {{"received", "Đã tiếp nhận"}, {"answered", "Đã trả lời"}, {"forwarded", "Đã chuyển cơ quan chức năng"}}, false,
                        "received"),
              f::date("received_on", "Ngày nhận", true, true)};
  s.date_field = "received_on";
  // Opinions sent online by the public (/gop-y), rate-limited per address.
  s.extras = [](registers::RegisterService& opinions, modules::Host& host) {
    const auto& settings = host.settings;
    register_public_route(host.router, host.keep<PublicOpinions>(opinions, host.db),
                          settings.public_rate_limit ? settings.public_opinions_per_hour : 0, host.windows);
  };
  return s;
}

}  // namespace antq::opinions
