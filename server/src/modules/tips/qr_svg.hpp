#pragma once
// A QR code (libqrencode) drawn as an SVG path: sharp at any print size, no image files.
#include <string>
#include <string_view>

namespace antq::tips {

// Error correction level M, UTF-8 8-bit mode, 4-module quiet zone. Throws std::runtime_error
// when the text cannot be encoded (too long).
std::string qr_svg(std::string_view text);

}  // namespace antq::tips
