// Writes GPS-tagged copies of the test images into server/fuzz/corpus/media/ (EXIF GPS IFD and an
// XMP location), so the image cleaner's seeds carry what it must remove. Built by hand once:
//
//   c++ -std=c++20 -o /tmp/make_image_seeds server/fuzz/tools/make_image_seeds.cpp $(pkg-config --cflags --libs exiv2)
//   /tmp/make_image_seeds server/tests/data server/fuzz/corpus/media
#include <exiv2/exiv2.hpp>

#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " TEST_DATA_DIR OUTPUT_DIR\n";
    return 2;
  }
  Exiv2::XmpParser::initialize();
  for (const char* name : {"photo.jpg", "photo.png", "photo.webp"}) {
    const auto out = std::filesystem::path(argv[2]) / (std::string("gps-") + name);
    std::filesystem::copy_file(std::filesystem::path(argv[1]) / name, out, std::filesystem::copy_options::overwrite_existing);
    auto image = Exiv2::ImageFactory::open(out.string());
    image->readMetadata();
    auto& exif = image->exifData();
    exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
    exif["Exif.GPSInfo.GPSLatitude"] = "15/1 7/1 0/1";
    exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
    exif["Exif.GPSInfo.GPSLongitude"] = "108/1 48/1 0/1";
    exif["Exif.Image.Make"] = "ANTQ";
    auto& xmp = image->xmpData();
    xmp["Xmp.exif.GPSLatitude"] = "15,7.0N";
    xmp["Xmp.photoshop.City"] = "Sơn Tịnh";
    image->writeMetadata();
  }
  return 0;
}
