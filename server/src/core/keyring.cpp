#include "core/keyring.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/errors.hpp"

namespace antq::crypto {

namespace {

std::string decode_key_hex(std::string_view hex) {
  std::string out(hex.size() / 2, '\0');
  std::size_t len = 0;
  if (hex.size() != 64 ||
      sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != 32) {
    throw OperatorError("Khóa dữ liệu phải là 64 ký tự hex (32 byte).");
  }
  return out;
}

std::string id_of(const std::string& key) { return blake2b_hex(key).substr(0, 12); }

std::string b64(std::string_view bin) {
  std::string out(sodium_base64_ENCODED_LEN(bin.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bin.data()), bin.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::string> unb64(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

void write_key_file(const std::string& path, const std::vector<std::string>& order, const std::map<std::string, std::string>& keys) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  const std::string tmp = path + ".tmp";
  std::filesystem::remove(tmp);
  // Created 0600 from the start, never through a symlink, and on disk before it replaces the old.
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) throw OperatorError("Không ghi được tệp khóa '" + path + "'.");
  std::string text = "# ANTQ data keys: keep outside the database and back up separately. Last line = current key.\n";
  for (const auto& id : order) text += id + ' ' + to_hex(keys.at(id)) + '\n';
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw OperatorError("Không ghi được tệp khóa '" + path + "'.");
  std::filesystem::rename(tmp, path);
}

}  // namespace

Keyring Keyring::from_hex(std::string_view hex) {
  Keyring k;
  const std::string key = decode_key_hex(hex);
  k.current_ = id_of(key);
  k.keys_[k.current_] = key;
  k.order_ = {k.current_};
  return k;
}

Keyring Keyring::from_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw OperatorError("Không tìm thấy tệp khóa dữ liệu '" + path + "' (tạo bằng 'antq init', hoặc đặt ANTQ_DATA_KEY).");
  }
  if ((st.st_mode & 077) != 0) {
    throw OperatorError("Tệp khóa '" + path + "' không được để người khác đọc: chạy 'chmod 600 " + path + "'.");
  }
  std::ifstream in(path);
  Keyring k;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    std::string id, hex;
    ss >> id >> hex;
    const std::string key = decode_key_hex(hex);
    if (id_of(key) != id) throw OperatorError("Tệp khóa '" + path + "' bị hỏng (mã khóa không khớp).");
    if (!k.keys_.count(id)) k.order_.push_back(id);
    k.keys_[id] = key;
    k.current_ = id;
  }
  if (k.keys_.empty()) throw OperatorError("Tệp khóa '" + path + "' không có khóa nào.");
  return k;
}

Keyring Keyring::create_file(const std::string& path) {
  if (std::filesystem::exists(path)) throw OperatorError("Tệp khóa '" + path + "' đã có.");
  Keyring k;
  const std::string key = random_bytes(32);
  k.current_ = id_of(key);
  k.keys_[k.current_] = key;
  k.order_ = {k.current_};
  write_key_file(path, k.order_, k.keys_);
  return k;
}

Keyring Keyring::rotate_file(const std::string& path) {
  Keyring k = from_file(path);
  const std::string key = random_bytes(32);
  k.current_ = id_of(key);
  k.keys_[k.current_] = key;
  k.order_.push_back(k.current_);
  write_key_file(path, k.order_, k.keys_);
  return k;
}

int Keyring::generation(const std::string& id) const {
  for (std::size_t i = 0; i < order_.size(); ++i) {
    if (order_[i] == id) return static_cast<int>(i);
  }
  return -1;
}

std::string Keyring::subkey(const std::string& key_id, std::string_view purpose) const {
  // One master key, an independent subkey per purpose (sealing tips ≠ hashing names ≠ audit MAC).
  const std::string& master = keys_.at(key_id);
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(purpose.data()), purpose.size(),
                     reinterpret_cast<const unsigned char*>(master.data()), master.size());
  return std::string(reinterpret_cast<char*>(out), sizeof out);
}

std::string Keyring::seal(std::string_view plaintext, std::string_view purpose) const {
  const std::string key = subkey(current_, "seal:" + std::string(purpose));
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, reinterpret_cast<const unsigned char*>(key.data()));
  return "v1." + current_ + "." + b64(box);
}

std::string Keyring::key_id_of(std::string_view sealed) const {
  const auto a = sealed.find('.'), b = sealed.find('.', a + 1);
  if (a == std::string_view::npos || b == std::string_view::npos) return {};
  return std::string(sealed.substr(a + 1, b - a - 1));
}

std::optional<std::string> Keyring::open(std::string_view sealed, std::string_view purpose) const {
  if (!sealed.starts_with("v1.")) return std::nullopt;
  const std::string id = key_id_of(sealed);
  if (!has(id)) return std::nullopt;
  const auto box = unb64(sealed.substr(3 + id.size() + 1));
  if (!box || box->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  const std::string key = subkey(id, "seal:" + std::string(purpose));
  const auto* nonce = reinterpret_cast<const unsigned char*>(box->data());
  std::string plain(box->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
                                 box->size() - crypto_secretbox_NONCEBYTES, nonce,
                                 reinterpret_cast<const unsigned char*>(key.data())) != 0) {
    return std::nullopt;
  }
  return plain;
}

std::string Keyring::keyed_hash(std::string_view value, std::string_view purpose) const {
  return *keyed_hash_with(current_, value, purpose);
}

namespace {
std::string hash_with_subkey(const std::string& key_id, const std::string& key, std::string_view value) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(value.data()), value.size(),
                     reinterpret_cast<const unsigned char*>(key.data()), key.size());
  return key_id + ":" + to_hex(std::string_view(reinterpret_cast<char*>(out), sizeof out));
}
}  // namespace

std::optional<std::string> Keyring::keyed_hash_with(const std::string& key_id, std::string_view value, std::string_view purpose) const {
  if (!has(key_id)) return std::nullopt;
  return hash_with_subkey(key_id, subkey(key_id, std::string("hash:") + std::string(purpose)), value);
}

std::vector<std::string> Keyring::keyed_hashes(std::string_view value, std::string_view purpose) const {
  return hasher(purpose).hashes(value);
}

Keyring::Hasher Keyring::hasher(std::string_view purpose) const {
  Hasher h;
  const std::string p = std::string("hash:") + std::string(purpose);
  h.keys_.emplace_back(current_, subkey(current_, p));
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
    if (*it != current_) h.keys_.emplace_back(*it, subkey(*it, p));
  }
  return h;
}

std::string Keyring::Hasher::hash(std::string_view value) const { return hash_with_subkey(keys_[0].first, keys_[0].second, value); }

std::vector<std::string> Keyring::Hasher::hashes(std::string_view value) const {
  std::vector<std::string> out;
  out.reserve(keys_.size());
  for (const auto& [id, key] : keys_) out.push_back(hash_with_subkey(id, key, value));
  return out;
}

bool Keyring::matches_keyed_hash(std::string_view stored, std::string_view value, std::string_view purpose) const {
  const auto colon = stored.find(':');
  const std::string key_id(colon == std::string_view::npos ? std::string_view{} : stored.substr(0, colon));
  // An unknown key id still costs one hash, so the answer's timing is the same.
  const auto with_key = keyed_hash_with(key_id, value, purpose);
  const std::string expected = with_key ? *with_key : keyed_hash(value, purpose);
  return expected.size() == stored.size() && sodium_memcmp(expected.data(), stored.data(), stored.size()) == 0 && has(key_id);
}

std::optional<std::string> Keyring::mac(const std::string& key_id, std::string_view data) const {
  if (!has(key_id)) return std::nullopt;
  const std::string key = subkey(key_id, "mac:audit-chain");
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                         reinterpret_cast<const unsigned char*>(key.data()));
  return to_hex(std::string_view(reinterpret_cast<char*>(out), sizeof out));
}

}  // namespace antq::crypto
