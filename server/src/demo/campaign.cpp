#include "demo/campaign.h"

namespace jinguo::demo {

namespace {

using namespace domain::campaign;

Milestone due(const char* title, MilestoneKind kind, std::optional<int> form, Level level, const char* on, int order) {
  Milestone m;
  m.title = title;
  m.kind = kind;
  m.form = form;
  m.level = level;
  m.due_on = *domain::Date::parse(on);
  m.sort_order = order;
  return m;
}

}  // namespace

CampaignPlan harbin_campaign() {
  CampaignPlan plan;
  plan.campaign.name = "2016年扩大基层妇联组织成员工作";
  plan.campaign.document_number = "哈妇发〔2016〕8号";
  plan.campaign.document_date = domain::Date(2016, 6, 2);
  plan.campaign.document_text = "关于扩大基层妇联组织成员的工作方案";
  plan.campaign.baseline_on = domain::Date(2016, 6, 1);
  plan.milestones = {
      due("附表1 工作联系人信息表（收到后立即报送）", MilestoneKind::kForm, 1, Level::kDistrict, "2016-06-03", 10),
      due("附表2 换届、执常委及代表情况统计表", MilestoneKind::kForm, 2, Level::kDistrict, "2016-06-20", 20),
      due("附表3 兼职副主席和执常委人员登记表", MilestoneKind::kForm, 3, Level::kDistrict, "2016-06-20", 30),
      due("示范点扩大后的基层妇联组织基本情况", MilestoneKind::kForm, 4, Level::kPilot, "2016-06-25", 40),
      due("全面完成扩大基层妇联组织成员工作", MilestoneKind::kDeadline, std::nullopt, Level::kDistrict, "2016-08-31", 50),
      due("附表4 扩大基层妇联组织成员情况统计表", MilestoneKind::kForm, 4, Level::kDistrict, "2016-09-20", 60),
      due("附表5 扩大后基层妇联干部基本情况统计表", MilestoneKind::kForm, 5, Level::kDistrict, "2016-09-20", 70),
      due("好的做法、经验和成效", MilestoneKind::kAccount, std::nullopt, Level::kDistrict, "2016-09-20", 80),
  };
  return plan;
}

}  // namespace jinguo::demo
