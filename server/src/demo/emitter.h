#pragma once
// Hands generated records to a Sink, numbering each kind 1, 2, 3 … and counting them.
#include "demo/harbin.h"
#include "demo/sink.h"

namespace jinguo::demo {

class Emitter {
 public:
  explicit Emitter(Sink& sink) : sink_(sink) {}

  domain::OrganisationId add(domain::Organisation organisation) {
    organisation.id = static_cast<domain::OrganisationId>(++summary_.organisations);
    sink_.add(organisation);
    return organisation.id;
  }
  domain::PersonId add(domain::Person person) {
    person.id = static_cast<domain::PersonId>(++summary_.people);
    sink_.add(person);
    return person.id;
  }
  domain::PositionId add(domain::Position position) {
    position.id = static_cast<domain::PositionId>(++summary_.positions);
    sink_.add(position);
    return position.id;
  }

  Summary finish() {
    sink_.finish();
    return summary_;
  }

 private:
  Sink& sink_;
  Summary summary_;
};

}  // namespace jinguo::demo
