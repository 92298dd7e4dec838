#pragma once
// The JSON text of a kept answer, written once. The services keep a roster or a people page
// (services::ResultCache) and hand the same object to every request until a write makes it
// old; writing that object's JSON again for each request was a fifth of a roster request's
// CPU. Here the text is kept beside the object, under the object's identity: a new object (a
// write raised the generation, or the services' cache let the old one go) gets its text
// written afresh, so the text is never older than the object it was written from. The
// services learn nothing of the wire shape.
//
// Only for shapes written the same for every caller who is handed the object (masking is
// the same for everyone; what depends on the caller, such as her scope, is in the services'
// key and so in the object). `variant` names whatever else the writing depends on (a page's
// number and size): a different variant writes and keeps the text again.
//
// An entry holds the object weakly: once the services' cache and every request have let it
// go, the entry is dead; dead entries go whenever a text is added (a write makes every kept
// object old at once: their texts go with them), then the least recently used ones when
// `capacity` is reached, so at most `capacity` texts are held.
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "http/api.h"

namespace jinguo::http {

// A 200 answer of JSON text written before.
inline Reply written_json(const std::string& text) {
  Reply reply;
  reply.body.text = text;
  return reply;
}

template <class T>
class WrittenAnswers {
 public:
  explicit WrittenAnswers(std::size_t capacity) : capacity_(capacity) {}
  WrittenAnswers(const WrittenAnswers&) = delete;
  WrittenAnswers& operator=(const WrittenAnswers&) = delete;

  // The text `write(object)` gives for `kept` (and `variant`): kept, or written now.
  template <class F>
  std::shared_ptr<const std::string> get(const std::shared_ptr<const T>& kept, const std::string& variant, F&& write) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = entries_.find(kept.get()); it != entries_.end() && same_object(it->second.object, kept) &&
                                               it->second.variant == variant) {
        order_.splice(order_.begin(), order_, it->second.place);
        return it->second.text;
      }
    }
    // Written outside the lock: two requests may both write a new object's text; one is kept.
    auto text = std::make_shared<const std::string>(write(*kept));
    std::lock_guard lock(mutex_);
    auto [it, added] = entries_.try_emplace(kept.get());
    if (added) {
      order_.push_front(kept.get());
      it->second.place = order_.begin();
    } else {
      order_.splice(order_.begin(), order_, it->second.place);
    }
    it->second.object = kept;
    it->second.variant = variant;
    it->second.text = text;
    for (auto dead = entries_.begin(); dead != entries_.end();) {
      if (dead->second.object.expired()) {
        order_.erase(dead->second.place);
        dead = entries_.erase(dead);
      } else {
        ++dead;
      }
    }
    while (entries_.size() > capacity_) {
      entries_.erase(order_.back());
      order_.pop_back();
    }
    return text;
  }

  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  // The same object, not merely one at the same address (a new object may take a freed one's
  // place): the same live control block.
  static bool same_object(const std::weak_ptr<const T>& held, const std::shared_ptr<const T>& kept) {
    return !held.expired() && !held.owner_before(kept) && !kept.owner_before(held);
  }
  struct Entry {
    std::weak_ptr<const T> object;
    std::string variant;
    std::shared_ptr<const std::string> text;
    typename std::list<const T*>::iterator place;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<const T*> order_;  // most recently used first
  std::unordered_map<const T*, Entry> entries_;
};

}  // namespace jinguo::http
