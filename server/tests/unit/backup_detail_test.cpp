// The pieces of storage/backup.cpp that need no database: recognising the files, and
// handing a PostgreSQL password to pg_dump / pg_restore without a command line.
#include <gtest/gtest.h>

#include <string>

#include "storage/backup.h"

namespace detail = jinguo::storage::backup_detail;

TEST(BackupDetail, RecognisesASqliteFileByItsHeader) {
  EXPECT_TRUE(detail::is_sqlite_header(std::string("SQLite format 3\0\x10\x00", 18)));
  EXPECT_FALSE(detail::is_sqlite_header("SQLite format 3"));  // 15 bytes: too short
  EXPECT_FALSE(detail::is_sqlite_header(std::string("SQLite format 2\0", 16)));
  EXPECT_FALSE(detail::is_sqlite_header("PGDMP\x01\x0e"));
  EXPECT_FALSE(detail::is_sqlite_header(""));
}

TEST(BackupDetail, RecognisesAPgDumpArchiveByItsHeader) {
  EXPECT_TRUE(detail::is_pg_dump_header("PGDMP\x01\x0e\x00"));
  EXPECT_FALSE(detail::is_pg_dump_header("PGDM"));
  EXPECT_FALSE(detail::is_pg_dump_header("-- PostgreSQL database dump"));
}

struct Quoting {
  const char* value;
  const char* conninfo;
  const char* pgpass;
};

class BackupQuoting : public ::testing::TestWithParam<Quoting> {};

TEST_P(BackupQuoting, EscapesForLibpq) {
  EXPECT_EQ(detail::conninfo_quoted(GetParam().value), GetParam().conninfo);
  EXPECT_EQ(detail::pgpass_line(GetParam().value), GetParam().pgpass);
}

INSTANTIATE_TEST_SUITE_P(Values, BackupQuoting,
                         ::testing::Values(Quoting{"secret", "'secret'", "*:*:*:*:secret"},
                                           Quoting{"", "''", "*:*:*:*:"},
                                           Quoting{"it's", "'it\\'s'", "*:*:*:*:it's"},
                                           Quoting{"a:b", "'a:b'", "*:*:*:*:a\\:b"},
                                           Quoting{"back\\slash", "'back\\\\slash'", "*:*:*:*:back\\\\slash"},
                                           Quoting{"with space", "'with space'", "*:*:*:*:with space"},
                                           Quoting{"/tmp/pg sock", "'/tmp/pg sock'", "*:*:*:*:/tmp/pg sock"}));
