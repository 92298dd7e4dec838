#pragma once
// Wire shapes of nominations (docs/api-contract.md, "Issue 13 (step 1): nominations":
// Nomination, NominationDetail).
#include "http/json_writer.h"
#include "services/nominations.h"

namespace jinguo::http::dto {

// Nomination, its ID number and mobile masked: {id, organisation_id, organisation_name, organisation_type,
// role, role_label, channel, channel_label, nominated_by, name, id_number, id_number_masked, mobile,
// mobile_masked, statement, step, step_label, final, manner, manner_label, registered, created_at,
// created_by, updated_at}
void nomination(JsonWriter& w, const storage::NominationRow& row);
// NominationDetail: the Nomination (in full when d.full) + person_id, current_positions, steps, next_events.
void nomination_detail(JsonWriter& w, const services::NominationDetail& d);

}  // namespace jinguo::http::dto
