// The audit's words for sheets that leave the server (the audit export).
#include <gtest/gtest.h>

#include "domain/audit_labels.h"

using namespace jinguo::domain;

TEST(AuditLabels, ActionsEntitiesAndFieldsInChinese) {
  EXPECT_EQ(audit_action_label("create"), "新建");
  EXPECT_EQ(audit_action_label("export"), "导出");
  EXPECT_EQ(audit_action_label("import"), "导入");
  EXPECT_EQ(audit_entity_label("outstanding_woman"), "优秀女性档案");
  EXPECT_EQ(audit_field_label("mobile"), "手机号码");
  EXPECT_EQ(audit_field_label("full_personal_data"), "完整个人信息");
  EXPECT_EQ(audit_entity_label("contact"), "工作联系人");
  EXPECT_EQ(audit_entity_label("reelection"), "换届");
  EXPECT_EQ(audit_field_label("email"), "电子邮箱");
  EXPECT_EQ(audit_field_label("delegates_under_35"), "35岁及以下代表人数");
  EXPECT_EQ(audit_entity_label("nomination"), "提名");
  EXPECT_EQ(audit_action_label("decide_manner"), "确定任职方式");
  EXPECT_EQ(audit_action_label("withdraw"), "撤回");
  EXPECT_EQ(audit_field_label("nominated_by"), "提名人");
  EXPECT_EQ(audit_field_label("step"), "选聘环节");
}

TEST(AuditLabels, AnUnknownCodeIsShownAsItIs) {
  EXPECT_EQ(audit_action_label("teleport"), "teleport");
  EXPECT_EQ(audit_field_label(""), "");
}
