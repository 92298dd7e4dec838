// The progress an import job shows (services/import_jobs.h, progress_shown): the server working
// on a job shows its own count, since on SQLite a commit holds the only writer and the stored
// count would stand still until the commit ends; any other job shows what is stored.
#include <gtest/gtest.h>

#include "services/import_jobs.h"

using jinguo::services::progress_shown;

namespace {

jinguo::storage::ImportJobRecord job(const char* state, int done, int total) {
  jinguo::storage::ImportJobRecord r;
  r.id = 7;
  r.state = state;
  r.progress_done = done;
  r.progress_total = total;
  return r;
}

TEST(ImportProgress, TheServerWorkingOnAJobShowsItsOwnCount) {
  struct Case {
    const char* name;
    jinguo::storage::ImportJobRecord stored;
    std::int64_t running;
    int done, total;
    std::pair<int, int> shown;
  };
  const Case cases[] = {
      {"a commit under way here: its own count", job("committing", 0, 0), 7, 40'000, 100'000, {40'000, 100'000}},
      {"a dry run under way here", job("checking", 200, 1000), 7, 600, 1000, {600, 1000}},
      {"here, before the sheet is read", job("committing", 0, 0), 7, 0, 0, {0, 0}},
      {"another job runs here: the stored count", job("committing", 10, 100), 8, 50, 60, {10, 100}},
      {"on another server (nothing runs here)", job("checking", 30, 100), 0, 0, 0, {30, 100}},
      {"ended: the stored count", job("committed", 100, 100), 7, 40, 100, {100, 100}},
  };
  for (const auto& c : cases) EXPECT_EQ(progress_shown(c.stored, c.running, c.done, c.total), c.shown) << c.name;
}

}  // namespace
