#pragma once
// Wire shapes of the forms (docs/api-contract.md, "Issue 11 (first step)"), shared by the
// HTTP routes and `jinguo form --format json`.
#include <vector>

#include "http/json_writer.h"
#include "services/forms.h"

namespace jinguo::http::dto {

void form_summaries(JsonWriter& w, const std::vector<services::FormSummary>& forms);
void form_report(JsonWriter& w, const services::FormReport& r);
void form_cell(JsonWriter& w, const services::CellList& list);

}  // namespace jinguo::http::dto
