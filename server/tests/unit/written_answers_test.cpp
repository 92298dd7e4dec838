// The written JSON of kept answers (http/written_answers.h): written once for the object the
// services keep, again for a new object (a write made the old one old) or another variant,
// never handed out for an object gone whose address a new one took, and at most `capacity`
// texts held.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "http/written_answers.h"

using jinguo::http::WrittenAnswers;

namespace {

struct Kept {
  int value = 0;
};

class WrittenAnswersTest : public ::testing::Test {
 protected:
  std::string text(WrittenAnswers<Kept>& answers, const std::shared_ptr<const Kept>& kept,
                   const std::string& variant = "") {
    return *answers.get(kept, variant, [&](const Kept& k) {
      ++written_;
      return variant + std::to_string(k.value);
    });
  }
  int written_ = 0;
};

TEST_F(WrittenAnswersTest, WritesAKeptObjectOnce) {
  WrittenAnswers<Kept> answers(4);
  auto kept = std::make_shared<const Kept>(Kept{7});
  EXPECT_EQ(text(answers, kept), "7");
  EXPECT_EQ(text(answers, kept), "7");
  EXPECT_EQ(written_, 1);
}

TEST_F(WrittenAnswersTest, WritesANewObjectAndAnotherVariantAgain) {
  WrittenAnswers<Kept> answers(4);
  auto before = std::make_shared<const Kept>(Kept{1});
  auto after = std::make_shared<const Kept>(Kept{2});
  EXPECT_EQ(text(answers, before), "1");
  EXPECT_EQ(text(answers, after), "2");
  EXPECT_EQ(text(answers, before, "p2|"), "p2|1");
  EXPECT_EQ(text(answers, before, "p2|"), "p2|1");
  EXPECT_EQ(written_, 3);
}

TEST_F(WrittenAnswersTest, AnObjectGoneIsNotTakenForOneAtItsAddress) {
  WrittenAnswers<Kept> answers(4);
  for (int i = 0; i < 50; ++i) {
    // each object freed before the next is made: the allocator often hands out the same address
    auto kept = std::make_shared<const Kept>(Kept{i});
    EXPECT_EQ(text(answers, kept), std::to_string(i));
  }
  EXPECT_EQ(written_, 50);
}

TEST_F(WrittenAnswersTest, HoldsAtMostItsCapacity) {
  WrittenAnswers<Kept> answers(2);
  auto a = std::make_shared<const Kept>(Kept{1});
  auto b = std::make_shared<const Kept>(Kept{2});
  auto c = std::make_shared<const Kept>(Kept{3});
  text(answers, a);
  text(answers, b);
  text(answers, a);  // a used last: b goes first
  text(answers, c);
  EXPECT_EQ(answers.size(), 2u);
  EXPECT_EQ(written_, 3);
  text(answers, a);
  EXPECT_EQ(written_, 3);
  text(answers, b);
  EXPECT_EQ(written_, 4);
}

// A text whose object is gone (the services' cache let it go after a write) goes when the next
// text is added, not only when the capacity is reached.
TEST_F(WrittenAnswersTest, TheTextsOfObjectsGoneGoWhenATextIsAdded) {
  WrittenAnswers<Kept> answers(8);
  auto a = std::make_shared<const Kept>(Kept{1});
  auto b = std::make_shared<const Kept>(Kept{2});
  text(answers, a);
  text(answers, b);
  a.reset();
  b.reset();
  EXPECT_EQ(answers.size(), 2u);
  auto c = std::make_shared<const Kept>(Kept{3});
  text(answers, c);
  EXPECT_EQ(answers.size(), 1u);
}

}  // namespace
