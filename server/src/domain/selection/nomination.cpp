#include "domain/selection/nomination.h"

#include "domain/id_number.h"
#include "domain/text.h"

namespace jinguo::domain::selection {

namespace {

constexpr std::size_t kMaxStatement = 1000;

// A trimmed text, none when blank.
std::optional<std::string> given(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::string t(trim(*text));
  if (t.empty()) return std::nullopt;
  return t;
}

}  // namespace

Nomination nominate(OrganisationId body, const NominationInput& input, const Date& today) {
  Nomination n;
  n.organisation_id = body;
  auto role = given(input.role);
  if (!role) throw invalid("required", "role", "请选择提名的职务", "role is required");
  n.role = *role;
  auto channel_text = given(input.channel);
  if (!channel_text) throw invalid("required", "channel", "请选择提名方式", "channel is required");
  auto channel = channel_from_code(*channel_text);
  if (!channel)
    throw invalid("unknown_channel", "channel", "提名方式应为个人自荐、群众举荐、单位推荐或直接选拔",
                  "channel is self, residents, unit or direct");
  n.channel = *channel;
  n.nominated_by = given(nominator(n.channel, input.nominated_by.value_or("")));
  n.name = normalise_person_name(input.name.value_or(""), "name");
  n.id_number = parse_id_number(input.id_number.value_or(""), today).value;
  if (auto mobile = given(input.mobile)) n.mobile = normalise_mobile(*mobile);
  n.statement = given(input.statement);
  if (n.statement) validate_free_text("statement", *n.statement, kMaxStatement);
  return n;
}

Transition apply(const Nomination& before, Event event, const EventInput& input) {
  Decision decision;
  if (event == Event::kAssess || event == Event::kConfirm) {
    if (!input.passed)
      throw invalid("required", "passed", event == Event::kAssess ? "请填写考核结果（通过或不通过）" : "请填写会议结果（通过或不通过）",
                    "passed is required");
    decision.passed = *input.passed;
  }
  if (event == Event::kDecideManner) {
    decision.manner = given(input.manner);
    if (!decision.manner) throw invalid("required", "manner", "请选择任职方式", "manner is required");
  }
  decision.note = given(input.note);
  Transition t{before, {event, before.step, next_step(before.step, event, decision), std::nullopt, std::nullopt,
                        decision.note}};
  t.after.step = t.record.to;
  if (event == Event::kAssess || event == Event::kConfirm) t.record.passed = decision.passed;
  if (event == Event::kDecideManner) t.after.manner = t.record.manner = decision.manner;
  return t;
}

DomainError already_nominated(std::optional<NominationId> existing) {
  std::string number = existing ? "（编号" + std::to_string(*existing) + "）" : "";
  DomainError e = conflict("already_nominated", "id_number", "她在该组织已有同一职务的提名正在办理" + number,
                           "she has an open nomination for this role in this body");
  if (existing) e.with_existing_id(*existing);
  return e;
}

}  // namespace jinguo::domain::selection
