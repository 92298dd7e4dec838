#pragma once
// A nomination (提名, issue 13): a woman put forward to one body for one role by one of the four
// channels, then worked through the selection procedure (selection.h). What a clerk enters is
// normalised and checked here; each event gives the nomination's next state and the row that
// records the transition. Pure rules, no storage (tests/unit/nomination_test.cpp).
#include <cstdint>
#include <optional>
#include <string>

#include "domain/error.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/selection/selection.h"

namespace jinguo::domain::selection {

using NominationId = std::int64_t;

struct Nomination {
  NominationId id = 0;
  OrganisationId organisation_id = 0;  // the body she is nominated to
  std::string role;                    // a role code allowed for the body's type
  Channel channel = Channel::kSelf;
  std::optional<std::string> nominated_by;  // the resident or the work unit; none for self and direct
  std::optional<PersonId> person_id;        // the registered person whose ID number is hers
  std::string name;
  std::string id_number;  // normalised, 18 characters
  std::optional<std::string> mobile;
  std::optional<std::string> statement;
  Step step = Step::kNominated;
  std::optional<std::string> manner;  // once decided
};

// A nomination as a clerk sends it (absent and null alike: not given).
struct NominationInput {
  std::optional<std::string> role, channel, nominated_by, name, id_number, mobile, statement;
};

// The nomination entered for `body`, normalised and checked (step nominated), or 422 naming the
// field: role and channel required, the channel one of the four (unknown_channel); nominated_by as
// nominator() says (none kept for self and direct); the name by normalise_person_name; the ID
// number by parse_id_number; the mobile by normalise_mobile; the statement at most 1000
// characters. Blank optional texts are none. Whether the role exists in the body's type needs the
// dictionary: the caller checks it.
Nomination nominate(OrganisationId body, const NominationInput& input, const Date& today);

// What an event carries as the clerk sends it (only the fields the event uses are read).
struct EventInput {
  std::optional<bool> passed;         // assess, confirm: required
  std::optional<std::string> manner;  // decide_manner: required
  std::optional<std::string> note;    // blank is none
};

// One transition, as stored in nomination_steps.
struct StepRecord {
  Event event = Event::kAssess;
  Step from = Step::kNominated, to = Step::kNominated;
  std::optional<bool> passed;         // assess and confirm
  std::optional<std::string> manner;  // decide_manner
  std::optional<std::string> note;
};

struct Transition {
  Nomination after;
  StepRecord record;
};

// The nomination after `event` and the row recording it: 422 required on `passed` (assess,
// confirm) or `manner` (decide_manner) when missing; then next_step's refusals (409 out_of_order,
// 422 unknown_manner, too_long on the note).
Transition apply(const Nomination& before, Event event, const EventInput& input);

// 409 already_nominated on id_number: an open nomination of the same woman for the same body and
// role (`existing` when known: the error carries its id).
DomainError already_nominated(std::optional<NominationId> existing = std::nullopt);

}  // namespace jinguo::domain::selection
