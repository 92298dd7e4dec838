#pragma once
// The wire shapes of campaigns, milestones, submissions and reminders (docs/api-contract.md,
// "Issue 12 (first step)" and "(second step)").
#include <vector>

#include "http/json_writer.h"
#include "services/campaign_scores.h"
#include "services/campaigns.h"
#include "services/spot_checks.h"

namespace jinguo::http::dto {

void campaign(JsonWriter& w, const storage::CampaignRow& row);
void campaigns(JsonWriter& w, const std::vector<storage::CampaignRow>& rows);  // {"items": [...]}
void campaign_detail(JsonWriter& w, const services::CampaignDetail& d);     // + milestones
void milestone(JsonWriter& w, const domain::campaign::Milestone& m);
void dashboard(JsonWriter& w, const services::Dashboard& d);
void progress(JsonWriter& w, const services::Progress& p);
void submission_detail(JsonWriter& w, const services::SubmissionDetail& d);  // + snapshot, drift
void reminder(JsonWriter& w, const storage::ReminderRow& r);
void deadlines(JsonWriter& w, const std::vector<services::OwnDeadline>& items);  // {"items": [...]}
void spot_check(JsonWriter& w, const storage::SpotCheckRow& s);  // + items
void spot_checks(JsonWriter& w, const std::vector<storage::SpotCheckRow>& rows);  // {"items": [...]}, no items each
void draft(JsonWriter& w, const storage::DraftRow& d);
void group_member(JsonWriter& w, const domain::campaign::GroupMember& m);
void attachment(JsonWriter& w, const storage::AttachmentRow& a);
void pilots(JsonWriter& w, const services::Pilots& p);
void score_scheme(JsonWriter& w, const services::ScoreScheme& s);  // {"items": [...]}
void scores(JsonWriter& w, const services::Scores& s);

}  // namespace jinguo::http::dto
