// Printing certificates (services::Certificates::Print) on both databases (JINGUO_TEST_DATABASE):
// a print is recorded (prints + 1 and an audit "print") only once its PDF has been drawn; a
// render that fails leaves neither, and the next one that succeeds records one print each.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../support/test_database.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "services/certificates.h"
#include "services/pdf_renderer.h"
#include "services/registry.h"
#include "storage/certificate_repository.h"
#include "storage/database.h"

using namespace jinguo;

namespace {

const domain::Date kToday(2016, 9, 20);
const services::Actor kActor{"test", std::nullopt};

// A renderer whose child is a shell script in place of `jinguo render`.
services::RenderProcesses shell(const std::string& script) {
  services::RenderProcesses p;
  p.command = {"/bin/sh", "-c", script};
  p.at_once = 1;
  return p;
}

class CertificatePrintTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{test_support::fresh_database_url(), 2});
    db_->migrate();
    services::Registry registry(*db_, [] { return kToday; });
    auto create = [&](std::optional<domain::OrganisationId> parent, const std::string& type, const std::string& name) {
      return registry.CreateOrganisation(kActor, {parent, type, name, std::nullopt, false, std::nullopt})
          .row.organisation.id;
    };
    district_ = create(create(std::nullopt, "city", "印证市妇联"), "district", "印证区妇联");
    const auto town = create(district_, "township", "印证镇妇联");
    town_ = town;
    const auto village = create(town, "village_congress", "印证村妇代会");
    for (const char* first17 : {"23010219860301002", "23010219870401002"}) {
      services::PersonChanges person;
      person.name = "印证秀英";
      person.id_number = std::string(first17) + domain::id_number_check_char(first17);
      services::NewPosition p;
      p.person_id = registry.RegisterPerson(kActor, person).person.id;
      p.organisation_id = village;
      p.role = "member";
      p.manner = "volunteer";
      p.start_on = domain::Date(2016, 6, 1);
      p.override_reason = "测试";
      positions_.push_back(registry.Appoint(kActor, p).position.id);
    }
  }

  std::vector<storage::CertificateId> issue(services::PdfRenderer& pdf) {
    std::vector<storage::CertificateId> ids;
    for (const auto& v : certificates(pdf).Issue(kActor, positions_)) ids.push_back(v.row.id);
    return ids;
  }
  services::Certificates certificates(services::PdfRenderer& pdf) {
    return services::Certificates(*db_, pdf, [] { return kToday; }, "https://jinguo.example.cn");
  }
  int prints(storage::CertificateId id) {
    services::PdfRenderer in_process;
    return certificates(in_process).Get(kActor, id).row.prints;
  }
  long long print_records() {
    return db_->read([](storage::ReadTx& tx) {
      storage::Statement row = tx.prepare("SELECT COUNT(*) FROM audit_events WHERE action = 'print'");
      row.step();
      return row.integer(0);
    });
  }

  std::unique_ptr<storage::Database> db_;
  std::vector<domain::PositionId> positions_;
  domain::OrganisationId district_{}, town_{};
};

TEST_F(CertificatePrintTest, AFailedRenderRecordsNoPrint) {
  services::PdfRenderer failing(shell("cat >/dev/null; exit 1"));
  const auto ids = issue(failing);
  ASSERT_EQ(ids.size(), 2u);
  try {
    certificates(failing).Print(kActor, ids);
    ADD_FAILURE() << "a failed render gave a PDF";
  } catch (const domain::DomainError& e) {
    EXPECT_EQ(e.code(), "render_failed");
  }
  EXPECT_EQ(prints(ids[0]), 0);
  EXPECT_EQ(prints(ids[1]), 0);
  EXPECT_EQ(print_records(), 0);

  services::PdfRenderer drawing(shell("cat >/dev/null; printf '%%PDF-1.4 drawn'"));
  const auto pdf = certificates(drawing).Print(kActor, ids);
  EXPECT_TRUE(pdf.bytes.starts_with("%PDF-")) << pdf.bytes;
  EXPECT_EQ(prints(ids[0]), 1);
  EXPECT_EQ(prints(ids[1]), 1);
  EXPECT_EQ(print_records(), 2);
}

TEST_F(CertificatePrintTest, ACertificateOutOfScopeIsRefusedBeforeAnythingIsDrawn) {
  services::PdfRenderer drawing(shell("cat >/dev/null; printf '%%PDF-1.4 drawn'"));
  auto ids = issue(drawing);
  ids.push_back(ids.back() + 1000);  // no such certificate
  EXPECT_THROW(certificates(drawing).Print(kActor, ids), domain::DomainError);
  EXPECT_EQ(prints(ids[0]), 0);
  EXPECT_EQ(print_records(), 0);
}

// Two transactions that both found a prefix free (two clerks, or two first certificates pinning
// one default, at once) meet at the unique index: the second is a 409 prefix_taken like the
// check's, not a database error (a 500 on PostgreSQL before).
TEST_F(CertificatePrintTest, APrefixStoredPastTheCheckIsRefusedAsTaken) {
  db_->write([&](storage::WriteTx& tx) {
    storage::CertificateRepository(tx).set_prefix(district_, "印证妇证", "2016-09-20T08:00:00Z");
  });
  try {
    db_->write([&](storage::WriteTx& tx) {
      storage::CertificateRepository(tx).set_prefix(town_, "印证妇证", "2016-09-20T08:00:01Z");
    });
    ADD_FAILURE() << "two issuers stored one prefix";
  } catch (const domain::DomainError& e) {
    EXPECT_EQ(e.code(), "prefix_taken");
    EXPECT_EQ(e.kind(), domain::ErrorKind::kConflict);
  }
}

}  // namespace
