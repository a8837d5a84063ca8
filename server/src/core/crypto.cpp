#include "core/crypto.hpp"

#include <sodium.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace antq::crypto {

void init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

std::string to_hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  out.pop_back();
  return out;
}

std::string random_hex(std::size_t bytes) { return to_hex(random_bytes(bytes)); }

std::string sha256_hex(std::string_view data) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(std::string_view(reinterpret_cast<char*>(h), sizeof h));
}

std::string blake2b_hex(std::string_view data) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
  return to_hex(std::string_view(reinterpret_cast<char*>(h), sizeof h));
}

std::optional<std::string> blake2b_file_hex(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  std::vector<char> block(1 << 16);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = in.gcount();
    if (got > 0) crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(block.data()), static_cast<unsigned long long>(got));
  }
  if (in.bad()) return std::nullopt;
  unsigned char h[32];
  crypto_generichash_final(&st, h, sizeof h);
  return to_hex(std::string_view(reinterpret_cast<char*>(h), sizeof h));
}

std::string generate_password(std::size_t length) {
  static constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::string out;
  for (std::size_t i = 0; i < length; ++i) {
    out.push_back(alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))]);
  }
  return out;
}

bool equal(std::string_view a, std::string_view b) { return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0; }

}  // namespace antq::crypto
