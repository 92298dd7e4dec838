#pragma once
// At most a few counting reads (a form over a subtree, a compliance page) at once in this
// process. Each holds a working set of megabytes for a city (the bodies as they stood, the
// positions grouped by body, the findings), and with 64 connections 64 of them ran at once on
// two cores: no faster than a few at a time, but the server's peak memory climbed past 360 MB
// (bench/README.md). Those waiting here hold no memory yet; the order they enter in is the
// order the OS wakes them (no starvation in practice at these few-millisecond holds).
#include <semaphore>

namespace jinguo::services {

class CountingGate {
 public:
  // One slot for the length of a scope.
  class Slot {
   public:
    explicit Slot(CountingGate& gate) : gate_(gate) { gate_.slots_.acquire(); }
    ~Slot() { gate_.slots_.release(); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    CountingGate& gate_;
  };

  // The process's gate: every service that counts shares it, as they share the cores.
  static CountingGate& shared();

 private:
  explicit CountingGate(std::ptrdiff_t slots) : slots_(slots) {}
  std::counting_semaphore<64> slots_;
};

}  // namespace jinguo::services
