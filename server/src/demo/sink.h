#pragma once
// Where generated data goes. The demo and benchmark generators stream organisations,
// people and positions into a Sink (storage's bulk importer, or a counter in tests) so
// that national-scale data never has to fit in memory at once.
//
// Order of calls: every organisation before any body under it; a person before any of
// her positions. Ids are assigned by the generator (1, 2, 3 … per kind) and are kept by
// the importer, so positions can name their person and organisation.
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/position.h"

namespace jinguo::demo {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void add(const domain::Organisation& organisation) = 0;
  virtual void add(const domain::Person& person) = 0;
  virtual void add(const domain::Position& position) = 0;
  virtual void finish() = 0;  // flush and commit
};

}  // namespace jinguo::demo
