#pragma once
// Uploads as jobs: the file is the body of the upload, judged and committed in the background.
#include "http/api.h"
#include "services/import_jobs.h"

namespace jinguo::http {

void add_import_routes(Api& api, services::ImportJobs& jobs);

}  // namespace jinguo::http
