#pragma once
// JSON shapes of tips (docs/api/tips.md). The reporter's view never names an officer; no view
// carries the reporter's identity (only `reveal` returns it).
#include <boost/json.hpp>

#include "modules/tips/tips_service.hpp"

namespace antq::tips {

boost::json::object category_json(const Category& c);
boost::json::object submitted_json(const Submitted& s);
boost::json::object reporter_view_json(const ReporterView& v);
boost::json::object public_message_json(const TipMessage& m);
boost::json::object public_attachment_json(const TipAttachment& a);
boost::json::object list_item_json(const TipRecord& t, const std::string& now);
boost::json::object staff_view_json(const StaffView& v, const std::string& now);
boost::json::object staff_message_json(const TipMessage& m);
boost::json::object assignee_json(const Assignee& a);
// A webhook's body: no description, place or reporter; a receiver learns that something happened
// and where.
std::string webhook_payload(const std::string& event, const TipRecord& t);

}  // namespace antq::tips
