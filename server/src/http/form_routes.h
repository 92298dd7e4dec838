#pragma once
// The five forms (docs/api-contract.md, "Issue 11 (first step)"): GET /api/forms,
// /api/forms/{n}, /api/forms/{n}/cell, /api/forms/{n}.xlsx and /api/forms/{n}.pdf.
#include "http/api.h"
#include "services/forms.h"

namespace jinguo::http {

void add_form_routes(Api& api, services::Forms& forms);

}  // namespace jinguo::http
