#pragma once
// At most a few password hashes (argon2id) at once in this process, the others waiting their
// turn for a while. Each hash fills its memory cost (9 MiB by default; 19 and 64 MiB before) for a
// moment of one core: sixteen 64 MiB sign-ins at the same moment took the server past 1 GB,
// and two cores finish them no sooner sixteen at a time than one or two at a time
// (bench/README.md, Memory). Also the turns of the PDF render processes. Pure: a mutex and a
// condition variable; the password hasher's limit is owned by its services::PasswordHasher.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace jinguo::services {

class HashLimit {
 public:
  // `slots` hashes at once (at least one); a caller waits at most `patience` for a free one.
  HashLimit(int slots, std::chrono::milliseconds patience);

  // A slot for the length of a scope; `held()` is false when none came free in time.
  class Slot {
   public:
    explicit Slot(HashLimit& limit);
    ~Slot();
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    bool held() const { return held_; }

   private:
    HashLimit& limit_;
    bool held_;
  };

  int slots() const;
  int busy() const;     // slots held now
  int waiting() const;  // callers waiting for one

 private:
  bool enter();
  void leave();

  mutable std::mutex mutex_;
  std::condition_variable freed_;
  int slots_;
  std::chrono::milliseconds patience_;
  int busy_ = 0;
  int waiting_ = 0;
};

}  // namespace jinguo::services
