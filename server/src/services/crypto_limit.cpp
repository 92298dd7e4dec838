#include "services/crypto_limit.h"

#include <algorithm>

namespace jinguo::services {

HashLimit::HashLimit(int slots, std::chrono::milliseconds patience)
    : slots_(std::max(1, slots)), patience_(patience) {}

HashLimit::Slot::Slot(HashLimit& limit) : limit_(limit), held_(limit.enter()) {}

HashLimit::Slot::~Slot() {
  if (held_) limit_.leave();
}

bool HashLimit::enter() {
  std::unique_lock lock(mutex_);
  ++waiting_;
  const bool free = freed_.wait_for(lock, patience_, [&] { return busy_ < slots_; });
  --waiting_;
  if (free) ++busy_;
  return free;
}

void HashLimit::leave() {
  {
    std::lock_guard lock(mutex_);
    --busy_;
  }
  freed_.notify_one();
}

int HashLimit::slots() const {
  std::lock_guard lock(mutex_);
  return slots_;
}

int HashLimit::busy() const {
  std::lock_guard lock(mutex_);
  return busy_;
}

int HashLimit::waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_;
}

}  // namespace jinguo::services
