#include "modules/media/media.hpp"

#include <gtest/gtest.h>

using namespace antq::media;

TEST(AttachmentSniffing, DecidesByContentNotName) {
  EXPECT_EQ(sniff_media(std::string("\xFF\xD8\xFF\xE0", 4) + std::string(40, '\0'))->media_type, "image/jpeg");
  EXPECT_EQ(sniff_media(std::string("\x89PNG\r\n\x1A\n", 8) + std::string(40, '\0'))->media_type, "image/png");
  EXPECT_EQ(sniff_media(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16) + std::string(40, '\0'))->media_type, "image/webp");
  EXPECT_EQ(sniff_media(std::string("\0\0\0\x18"
                                    "ftypisom",
                                    12) +
                        std::string(40, '\0'))
                ->media_type,
            "video/mp4");
  EXPECT_EQ(sniff_media(std::string("\0\0\0\x14"
                                    "ftypqt  ",
                                    12) +
                        std::string(40, '\0'))
                ->media_type,
            "video/quicktime");
  EXPECT_EQ(sniff_media(std::string("\0\0\0\x18"
                                    "ftyp3gp4",
                                    12) +
                        std::string(40, '\0'))
                ->media_type,
            "video/3gpp");
  EXPECT_EQ(sniff_media(std::string("\x1A\x45\xDF\xA3", 4) + std::string(40, '\0'))->media_type, "video/webm");
  // HEIC stills share MP4's container but cannot be cleaned: refused, as are other files.
  EXPECT_FALSE(sniff_media(std::string("\0\0\0\x18"
                                       "ftypheic",
                                       12) +
                           std::string(40, '\0')));
  EXPECT_FALSE(sniff_media("GIF89a" + std::string(40, '\0')));
  EXPECT_FALSE(sniff_media("%PDF-1.7" + std::string(40, '\0')));
  EXPECT_FALSE(sniff_media("<html><script>alert(1)</script>"));
  EXPECT_FALSE(sniff_media(""));
}
