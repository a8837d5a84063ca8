#pragma once
// Bodies being streamed to disk at once. A slow upload holds its slot for minutes, so the slots
// are split: citizens (public routes) share one pool and no address — an IPv6 /64, see
// core/client_address.hpp — may hold more than a few of them; staff uploads have a pool of their
// own that public uploads can never take. Without this, sixteen slow public uploads sent with a
// self-submitted tip's code and secret locked every officer out of attaching evidence.
#include <map>
#include <mutex>
#include <string>

namespace antq::http {

struct UploadSlotLimits {
  int public_total = 16;
  int public_per_address = 2;
  int staff_total = 16;
};

class UploadSlots {
 public:
  explicit UploadSlots(UploadSlotLimits limits) : limits_(limits) {}

  // Held while a body streams; releases its slot when destroyed. Empty when none was free.
  class Ticket {
   public:
    Ticket() = default;
    Ticket(Ticket&& o) noexcept : owner_(o.owner_), public_(o.public_), key_(std::move(o.key_)) { o.owner_ = nullptr; }
    Ticket& operator=(Ticket&& o) noexcept {
      if (this != &o) {
        reset();
        owner_ = o.owner_;
        public_ = o.public_;
        key_ = std::move(o.key_);
        o.owner_ = nullptr;
      }
      return *this;
    }
    Ticket(const Ticket&) = delete;
    ~Ticket() { reset(); }
    void reset();
    explicit operator bool() const { return owner_ != nullptr; }

   private:
    friend class UploadSlots;
    Ticket(UploadSlots* owner, bool is_public, std::string key) : owner_(owner), public_(is_public), key_(std::move(key)) {}
    UploadSlots* owner_ = nullptr;
    bool public_ = false;
    std::string key_;
  };

  // `client_key` counts only for public uploads (staff are known accounts, limited by their pool).
  Ticket try_acquire(bool is_public, const std::string& client_key);

  int in_use_public() const;
  int in_use_staff() const;

 private:
  void release(bool is_public, const std::string& key);

  UploadSlotLimits limits_;
  mutable std::mutex mutex_;
  int public_ = 0;
  int staff_ = 0;
  std::map<std::string, int> per_address_;
};

}  // namespace antq::http
