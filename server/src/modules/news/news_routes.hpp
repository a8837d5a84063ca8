#pragma once
// The news module's HTTP routes: staff (/api/v1/news…), public (/api/v1/public/news…, the feed,
// subscriptions), a unit's news page with the unit's list in it (/tin-tuc?unit=) and the post page with
// its Open Graph tags (/tin-tuc/{id}).
#include <string>

#include "http/router.hpp"
#include "modules/news/news_cover.hpp"
#include "modules/news/news_service.hpp"
#include "modules/news/public_news.hpp"

namespace antq::news {

void register_staff_routes(http::Router& router, NewsService& service, const NewsCovers& covers);
void register_public_routes(http::Router& router, PublicNews& news, const NewsCovers& covers, std::string web_root, std::string public_url);

}  // namespace antq::news
