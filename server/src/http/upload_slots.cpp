#include "http/upload_slots.hpp"

namespace antq::http {

void UploadSlots::Ticket::reset() {
  if (owner_) owner_->release(public_, key_);
  owner_ = nullptr;
}

UploadSlots::Ticket UploadSlots::try_acquire(bool is_public, const std::string& client_key) {
  std::lock_guard lock(mutex_);
  if (!is_public) {
    if (staff_ >= limits_.staff_total) return {};
    ++staff_;
    return Ticket(this, false, {});
  }
  if (public_ >= limits_.public_total) return {};
  int& mine = per_address_[client_key];
  if (mine >= limits_.public_per_address) {
    if (mine == 0) per_address_.erase(client_key);
    return {};
  }
  ++mine;
  ++public_;
  return Ticket(this, true, client_key);
}

void UploadSlots::release(bool is_public, const std::string& key) {
  std::lock_guard lock(mutex_);
  if (!is_public) {
    --staff_;
    return;
  }
  --public_;
  auto it = per_address_.find(key);
  if (it != per_address_.end() && --it->second <= 0) per_address_.erase(it);
}

int UploadSlots::in_use_public() const {
  std::lock_guard lock(mutex_);
  return public_;
}

int UploadSlots::in_use_staff() const {
  std::lock_guard lock(mutex_);
  return staff_;
}

}  // namespace antq::http
