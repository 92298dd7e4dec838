#include "services/counting_gate.h"

#include <algorithm>
#include <thread>

namespace jinguo::services {

CountingGate& CountingGate::shared() {
  // as many as the cores, and at least two, so that a district's form never waits long
  // behind one city's
  static CountingGate gate(std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 2, 16));
  return gate;
}

}  // namespace jinguo::services
