#pragma once
// The data keys that protect what the database must not hold in clear: sealed fields (libsodium
// secretbox), keyed hashes for exact-match search, and the audit chain's MAC. Keys live outside
// the database: in ANTQ_DATA_KEY (hex) or a 0600 key file created by `antq init`. The file may
// hold several keys (one per line, "<id> <hex>"); the last one is current, older ones still open
// what they sealed until `antq keys rotate` re-seals it.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace antq::crypto {

class Keyring {
 public:
  // From a hex key (32 bytes) alone.
  static Keyring from_hex(std::string_view hex);
  // From a key file; throws OperatorError when missing, unreadable or too widely readable.
  static Keyring from_file(const std::string& path);
  // Creates a key file with one new key (0600). Throws if it exists.
  static Keyring create_file(const std::string& path);
  // Adds a new current key to the file and returns the new ring.
  static Keyring rotate_file(const std::string& path);

  const std::string& current_id() const { return current_; }
  // Order of the key in the file (0 = oldest); -1 for an unknown id.
  int generation(const std::string& id) const;
  bool has(const std::string& id) const { return keys_.count(id) > 0; }

  // "v1.<key id>.<base64 of nonce||ciphertext>".
  std::string seal(std::string_view plaintext, std::string_view purpose) const;
  // nullopt when tampered with or sealed with an unknown key.
  std::optional<std::string> open(std::string_view sealed, std::string_view purpose) const;
  std::string key_id_of(std::string_view sealed) const;
  // Deterministic keyed hash "<key id>:<hex>" for exact-match search without decrypting:
  // normalise first. Made with the current key.
  std::string keyed_hash(std::string_view value, std::string_view purpose) const;
  // The same hash under one given key of the ring; nullopt for an unknown key id.
  std::optional<std::string> keyed_hash_with(const std::string& key_id, std::string_view value, std::string_view purpose) const;
  // The hash under every key of the ring, the current one first. A hash cannot be made again
  // without its value, so after `antq keys rotate` a lookup by hash must try the older keys too
  // (the ring holds one key, or a few after rotations: one more lookup each).
  std::vector<std::string> keyed_hashes(std::string_view value, std::string_view purpose) const;
  // Whether `stored` (a keyed_hash made with any key of the ring) is the hash of `value`, in
  // constant time: a tip's secret or a link's token checked against what was stored for it.
  bool matches_keyed_hash(std::string_view stored, std::string_view value, std::string_view purpose) const;
  class Hasher;
  // keyed_hash and keyed_hashes for many values of one purpose, each key's subkey derived once
  // (an import hashes every row of a sheet).
  Hasher hasher(std::string_view purpose) const;
  // MAC with a given key id (audit chain entries keep the id of the key that signed them).
  std::optional<std::string> mac(const std::string& key_id, std::string_view data) const;

 private:
  std::string subkey(const std::string& key_id, std::string_view purpose) const;
  std::map<std::string, std::string> keys_;  // id → 32 raw bytes
  std::vector<std::string> order_;           // ids, oldest first
  std::string current_;
};

class Keyring::Hasher {
 public:
  std::string hash(std::string_view value) const;                 // keyed_hash
  std::vector<std::string> hashes(std::string_view value) const;  // keyed_hashes

 private:
  friend class Keyring;
  std::vector<std::pair<std::string, std::string>> keys_;  // (key id, subkey), the current one first
};

}  // namespace antq::crypto
