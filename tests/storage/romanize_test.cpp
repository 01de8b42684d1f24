// storage::LatinNameOf and CompactKey: Han names to passport pinyin, and the
// key that name searches compare. Expected forms were worked out by hand.

#include "storage/romanize.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace capdev::storage {
namespace {

struct Case {
  std::string_view han;
  std::string_view latin;
};

// Each row's pinyin as a person with that name writes it on a passport.
constexpr Case kNames[] = {
    // The exact ones the API documents.
    {"王芳", "WANG Fang"},
    {"欧阳娜娜", "OUYANG Nana"},
    {"曾志强", "ZENG Zhiqiang"},
    {"单雪", "SHAN Xue"},
    {"吕梁", "LYU Liang"},
    // Common names.
    {"张伟", "ZHANG Wei"},
    {"李娜", "LI Na"},
    {"刘洋", "LIU Yang"},
    {"陈静", "CHEN Jing"},
    {"杨秀英", "YANG Xiuying"},
    {"赵磊", "ZHAO Lei"},
    {"黄敏", "HUANG Min"},
    {"周杰", "ZHOU Jie"},
    {"吴军", "WU Jun"},
    {"孙建国", "SUN Jianguo"},
    {"马超", "MA Chao"},
    {"郭涛", "GUO Tao"},
    {"林峰", "LIN Feng"},
    {"高飞", "GAO Fei"},
    {"何平", "HE Ping"},
    // Surnames read otherwise than the character usually is.
    {"解文华", "XIE Wenhua"},
    {"区志坚", "OU Zhijian"},
    {"仇英", "QIU Ying"},
    {"朴成哲", "PIAO Chengzhe"},
    {"查良镛", "ZHA Liangyong"},
    {"乐嘉", "YUE Jia"},
    {"翟志刚", "ZHAI Zhigang"},
    {"种师道", "CHONG Shidao"},
    {"薄熙来", "BO Xilai"},
    {"阚泽", "KAN Ze"},
    {"卜秀英", "BU Xiuying"},
    {"华罗庚", "HUA Luogeng"},
    {"沈从文", "SHEN Congwen"},
    // Compound surnames, with one- and two-character given names.
    {"万俟卨", "MOQI Xie"},
    {"司马光", "SIMA Guang"},
    {"司马相如", "SIMA Xiangru"},
    {"诸葛亮", "ZHUGE Liang"},
    {"上官婉儿", "SHANGGUAN Waner"},
    {"东方明", "DONGFANG Ming"},
    {"欧阳修", "OUYANG Xiu"},
    {"尉迟恭", "YUCHI Gong"},
    {"澹台灭明", "TANTAI Mieming"},
    {"长孙无忌", "ZHANGSUN Wuji"},
    {"令狐冲", "LINGHU Chong"},
    // ü: yu after l and n, u after j, q, x, y.
    {"吕欣", "LYU Xin"},
    {"王律", "WANG Lyu"},
    {"王秀女", "WANG Xiunyu"},
    {"张玉娟", "ZHANG Yujuan"},
    {"徐雪", "XU Xue"},
    {"许群", "XU Qun"},
    // A name that is only a family name.
    {"王", "WANG"},
    // Two characters are a surname and a given name, even where they could
    // spell a compound surname: a person named 欧阳 is Ou Yang.
    {"欧阳", "OU Yang"},
};

TEST(RomanizeTest, WritesNamesAsPassportsDo) {
  for (const auto& [han, latin] : kNames) {
    EXPECT_EQ(LatinNameOf(han), std::optional<std::string>(latin)) << han;
  }
}

TEST(RomanizeTest, TellsTextWrittenInHan) {
  EXPECT_TRUE(WrittenInHan("第1市公安局"));
  EXPECT_TRUE(WrittenInHan("MPS 出入境管理局"));
  EXPECT_FALSE(WrittenInHan("Frontex"));
  EXPECT_FALSE(WrittenInHan("ソウル"));
  EXPECT_FALSE(WrittenInHan(""));
}

TEST(RomanizeTest, ReadsCompoundSurnamesAsOneFamilyName) {
  // Not OU Yangnana, nor WAN Qixie.
  EXPECT_EQ(LatinNameOf("欧阳娜娜"), "OUYANG Nana");
  EXPECT_EQ(LatinNameOf("万俟卨"), "MOQI Xie");
  EXPECT_EQ(LatinNameOf("上官云"), "SHANGGUAN Yun");
  // A compound surname always comes with a given name: two characters that
  // spell one are a surname and a given name.
  EXPECT_EQ(LatinNameOf("钟离"), "ZHONG Li");
  EXPECT_EQ(LatinNameOf("夏侯"), "XIA Hou");
}

TEST(RomanizeTest, ReadsSurnamesNotByTheirCommonReading) {
  // ICU reads these céng, dān, jiě, qū, chóu, pǔ, chá, dí.
  EXPECT_EQ(LatinNameOf("曾明"), "ZENG Ming");
  EXPECT_EQ(LatinNameOf("单明"), "SHAN Ming");
  EXPECT_EQ(LatinNameOf("解明"), "XIE Ming");
  EXPECT_EQ(LatinNameOf("区明"), "OU Ming");
  EXPECT_EQ(LatinNameOf("仇明"), "QIU Ming");
  EXPECT_EQ(LatinNameOf("朴明"), "PIAO Ming");
  EXPECT_EQ(LatinNameOf("查明"), "ZHA Ming");
  EXPECT_EQ(LatinNameOf("翟明"), "ZHAI Ming");
}

TEST(RomanizeTest, ReadsTheSurnameCharacterOnlyInFirstPlace) {
  // 解 is Xie only as a surname; in the given name 解放 it is jiě.
  EXPECT_EQ(LatinNameOf("王解放"), "WANG Jiefang");
  EXPECT_EQ(LatinNameOf("解解放"), "XIE Jiefang");
}

TEST(RomanizeTest, IgnoresWhiteSpace) {
  EXPECT_EQ(LatinNameOf("王 芳"), "WANG Fang");
  EXPECT_EQ(LatinNameOf("  王芳\t"), "WANG Fang");
  EXPECT_EQ(LatinNameOf("\u3000李\u3000娜\u3000"), "LI Na");
  EXPECT_EQ(LatinNameOf("欧 阳娜娜"), "OUYANG Nana");
}

TEST(RomanizeTest, WritesInterpunctNamesAsWordsWithoutFamilyName) {
  EXPECT_EQ(LatinNameOf("买买提·艾力"), "Maimaiti Aili");
  EXPECT_EQ(LatinNameOf("阿依古丽·买买提"), "Ayiguli Maimaiti");
  EXPECT_EQ(LatinNameOf("买买提 • 艾力"), "Maimaiti Aili");
  EXPECT_EQ(LatinNameOf("买买提・艾力"), "Maimaiti Aili");
  EXPECT_EQ(LatinNameOf("买买提‧艾力"), "Maimaiti Aili");
}

TEST(RomanizeTest, RejectsWhatIsNotAHanName) {
  EXPECT_EQ(LatinNameOf("Wang Fang"), std::nullopt);
  EXPECT_EQ(LatinNameOf(""), std::nullopt);
  EXPECT_EQ(LatinNameOf("   "), std::nullopt);
  EXPECT_EQ(LatinNameOf("王芳A"), std::nullopt);
  EXPECT_EQ(LatinNameOf("王芳2"), std::nullopt);
  EXPECT_EQ(LatinNameOf("やまだ"), std::nullopt);
  EXPECT_EQ(LatinNameOf("김민준"), std::nullopt);
  EXPECT_EQ(LatinNameOf("王々"), std::nullopt);
  EXPECT_EQ(LatinNameOf("·艾力"), std::nullopt);
  EXPECT_EQ(LatinNameOf("买买提··艾力"), std::nullopt);
  EXPECT_EQ(LatinNameOf("·"), std::nullopt);
  EXPECT_EQ(LatinNameOf("王\xff芳"), std::nullopt);  // ill-formed UTF-8
}

TEST(RomanizeTest, CompactKeyDropsSeparatorsAndCase) {
  EXPECT_EQ(CompactKey("Wang Fang"), "wangfang");
  EXPECT_EQ(CompactKey("WANG-Fang"), "wangfang");
  EXPECT_EQ(CompactKey("wang fang"), "wangfang");
  EXPECT_EQ(CompactKey("Wang\u3000Fang"), "wangfang");
  EXPECT_EQ(CompactKey("wang-fang"), "wangfang");
  EXPECT_EQ(CompactKey("Ｗａｎｇ Ｆａｎｇ"), "wangfang");  // full width
  EXPECT_EQ(CompactKey("O'Brien"), "obrien");
  EXPECT_EQ(CompactKey("O\u2019Brien"), "obrien");
  EXPECT_EQ(CompactKey("J. R. Smith"), "jrsmith");
  EXPECT_EQ(CompactKey("Jean–Luc"), "jeanluc");  // en dash
}

TEST(RomanizeTest, CompactKeyKeepsHanAndFoldsAccents) {
  EXPECT_EQ(CompactKey("王 芳"), "王芳");
  EXPECT_EQ(CompactKey("买买提·艾力"), "买买提艾力");
  EXPECT_EQ(CompactKey("Zoë"), "zoë");
  EXPECT_EQ(CompactKey("ZOË"), "zoë");
  EXPECT_EQ(CompactKey("Zoe\u0308"), "zoë");  // decomposed
  EXPECT_EQ(CompactKey(""), "");
}

TEST(RomanizeTest, CompactKeyOfTheLatinNameMatchesWhatPeopleType) {
  EXPECT_EQ(CompactKey(*LatinNameOf("欧阳娜娜")), CompactKey("Ouyang Nana"));
  EXPECT_EQ(CompactKey(*LatinNameOf("吕梁")), CompactKey("Lyu-Liang"));
}

}  // namespace
}  // namespace capdev::storage
