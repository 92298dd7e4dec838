#pragma once
// The words an audit record is read in (操作, 对象, 字段) for sheets that go out of the
// server (the audit export); the web app keeps its own in its locales. Pure.
#include <string>
#include <string_view>

namespace jinguo::domain {

// 新建, 修改, 导出 …; the code itself when unknown.
std::string audit_action_label(std::string_view action);
// 人员, 组织, 优秀女性档案 …; the code itself when unknown.
std::string audit_entity_label(std::string_view entity);
// 姓名, 手机号码 …; the code itself when unknown.
std::string audit_field_label(std::string_view field);

}  // namespace jinguo::domain
