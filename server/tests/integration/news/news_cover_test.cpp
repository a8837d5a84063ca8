// A post's cover image (issue 15): a real JPEG through the attachments rules, one per post, shown
// to residents only while the post is live, named in the link preview (og:image); a video or a
// file outside the caller's area refused.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "integration/news/news_support.hpp"
#include "support/media_fixtures.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
using namespace antq::test::news;
namespace bj = boost::json;

namespace {

std::string bytes_of(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

HttpReply upload(NewsServer& n, const std::string& token, const std::string& id, const std::string& bytes, const std::string& type) {
  auto headers = bearer(token);
  headers["Content-Type"] = type;
  return request(n.port(), "POST", "/api/v1/news/" + id + "/cover", bytes, headers);
}

}  // namespace

class NewsCoverTest : public ::testing::TestWithParam<std::string> {};

TEST_P(NewsCoverTest, OneCoverShownWhileThePostIsLiveAndNamedInTheLinkPreview) {
  NewsServer n(GetParam(), "");
  const auto dir = n.s->database().dir();
  write_noise_jpeg((dir / "anh.jpg").string(), 1600, 1200, 7, 85);
  write_mp4((dir / "clip.mp4").string(), 200 * 1024, false);
  const std::string jpeg = bytes_of(dir / "anh.jpg"), mp4 = bytes_of(dir / "clip.mp4");

  auto draft = n.create(n.police, {{"kind", "news"}, {"title", "Ra mắt mô hình camera an ninh"}, {"body", "x"}});
  const std::string id(draft.json().at("id").as_string());
  EXPECT_EQ(upload(n, n.front, id, jpeg, "image/jpeg").status, 404) << "another commune's post";
  EXPECT_EQ(upload(n, n.police, id, mp4, "video/mp4").status, 400) << "a cover is an image";
  auto up = upload(n, n.police, id, jpeg, "image/jpeg");
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json().at("kind"), "image");
  EXPECT_EQ(upload(n, n.police, id, jpeg, "image/jpeg").status, 409) << "one cover per post";
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/news/" + id + "/cover", "", bearer(n.police)).status, 200);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news/" + id + "/cover", "", {}).status, 404) << "a draft shows nothing";

  ASSERT_EQ(n.action(n.police, id, "publish").status, 200);
  auto pub = request(n.port(), "GET", "/api/v1/public/news/" + id, "", {});
  EXPECT_EQ(std::string(pub.json().at("cover_url").as_string()), "/api/v1/public/news/" + id + "/cover");
  auto image = request(n.port(), "GET", "/api/v1/public/news/" + id + "/cover", "", {});
  ASSERT_EQ(image.status, 200);
  EXPECT_EQ(image.header("content-type"), "image/jpeg");
  EXPECT_GT(image.body.size(), 1000u);
  auto page = request(n.port(), "GET", "/tin-tuc/" + id, "", {});
  EXPECT_NE(page.body.find("<meta property=\"og:image\" content=\"" + kPublicUrl + "/api/v1/public/news/" + id + "/cover\" />"),
            std::string::npos);

  ASSERT_EQ(n.action(n.police, id, "withdraw").status, 200);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news/" + id + "/cover", "", {}).status, 404);
}

TEST_P(NewsCoverTest, APhonePhotoOfTwelveMegabytesBecomesACoverWithoutItsLocation) {
  // What an officer really sends: a 12-megapixel photo straight from the phone, GPS included.
  NewsServer n(GetParam(), "");
  const auto path = n.s->database().dir() / "IMG_20261203_081500.jpg";
  write_noise_jpeg(path.string(), 4000, 3000, 1, 93);
  add_gps(path.string());
  const std::string photo = bytes_of(path);
  ASSERT_GT(photo.size(), 11'000'000u);
  ASSERT_TRUE(has_gps(photo));

  auto draft = n.create(n.police, {{"kind", "news"}, {"title", "Tổng kết mô hình tổ tự quản"}, {"body", "Ảnh hội nghị."}});
  ASSERT_EQ(draft.status, 201) << draft.body;
  const std::string id(draft.json().at("id").as_string());
  auto up = upload(n, n.police, id, photo, "image/jpeg");
  ASSERT_EQ(up.status, 201) << up.body.substr(0, 300);
  EXPECT_EQ(up.json().at("location_removed"), true);
  ASSERT_EQ(n.action(n.police, id, "publish").status, 200);
  auto image = request(n.port(), "GET", "/api/v1/public/news/" + id + "/cover", "", {});
  ASSERT_EQ(image.status, 200);
  EXPECT_EQ(image.header("content-type"), "image/jpeg");
  EXPECT_GT(image.body.size(), 11'000'000u) << "the picture itself is kept";
  EXPECT_FALSE(has_gps(image.body)) << "a resident must not learn where the photo was taken";
}

INSTANTIATE_TEST_SUITE_P(Engines, NewsCoverTest, ::testing::ValuesIn(antq::test::engines()));
