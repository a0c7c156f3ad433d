// SPDX-License-Identifier: GPL-3.0-or-later
// OpenCV cascades: Debian's opencv-data files (a Haar and an LBP cascade in
// the current format, a Haar cascade in the old one), read for their
// comments, license and counts; the same cut short; hostile XML.
#include <gtest/gtest.h>

#include "inspect_support.hpp"

namespace model_provenance::inspect {
namespace {

TEST(InspectOpencv, RealHaarCascade) {
  const auto path = real_weights("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");
  if (!path) return;
  const Inspection result = inspect_file(*path);
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "opencv-cascade");
  EXPECT_EQ(result.format_detail, "OpenCV cascade classifier (BOOST HAAR, window 24x24, 25 stages)");
  EXPECT_EQ(result.license, "Intel License Agreement For Open Source Computer Vision Library");
  EXPECT_EQ(fact(result, "comment").rfind("Stump-based 24x24 discrete(?) adaboost frontal face detector.", 0), 0u);
  EXPECT_EQ(fact(result, "comment.created_by"), "Created by Rainer Lienhart.");
  EXPECT_EQ(fact(result, "comment.copyright"), "Copyright (C) 2000, Intel Corporation, all rights reserved.");
  EXPECT_EQ(fact(result, "type_id"), "opencv-cascade-classifier");
  EXPECT_EQ(fact(result, "stageType"), "BOOST");
  EXPECT_EQ(fact(result, "featureType"), "HAAR");
  EXPECT_EQ(fact(result, "height"), "24");
  EXPECT_EQ(fact(result, "width"), "24");
  EXPECT_EQ(fact(result, "stageParams.maxWeakCount"), "211");
  EXPECT_EQ(fact(result, "stageNum"), "25");
  EXPECT_EQ(fact(result, "stages.count"), "25");
  EXPECT_EQ(fact(result, "weakClassifiers.count"), "2913");
  EXPECT_EQ(fact(result, "features.count"), "2913");
  EXPECT_EQ(result.sha256, sha256_hex(slurp(*path)));
  EXPECT_FALSE(result.parameters);
}

TEST(InspectOpencv, RealLbpCascade) {
  const auto path = real_weights("/usr/share/opencv4/lbpcascades/lbpcascade_frontalface.xml");
  if (!path) return;
  const Inspection result = inspect_file(*path);
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "opencv-cascade");
  EXPECT_EQ(result.format_detail, "OpenCV cascade classifier (BOOST LBP, window 24x24, 20 stages)");
  EXPECT_FALSE(result.license);
  EXPECT_EQ(fact(result, "comment"), "number of positive samples 3000\nnumber of negative samples 1500");
  EXPECT_EQ(fact(result, "stageParams.boostType"), "GAB");
  EXPECT_EQ(fact(result, "stageParams.minHitRate"), "0.9950000047683716");
  EXPECT_EQ(fact(result, "featureParams.maxCatCount"), "256");
  EXPECT_EQ(fact(result, "stages.count"), "20");
  EXPECT_EQ(fact(result, "weakClassifiers.count"), "139");
  EXPECT_EQ(fact(result, "features.count"), "136");
}

TEST(InspectOpencv, RealOldFormatCascade) {
  const auto path = real_weights("/usr/share/opencv4/haarcascades/haarcascade_licence_plate_rus_16stages.xml");
  if (!path) return;
  const Inspection result = inspect_file(*path);
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format_detail, "OpenCV Haar classifier, old format (window 64x16, 16 stages)");
  EXPECT_EQ(fact(result, "comment"), "Automatically converted from haarcascade2, window size = 64x16");
  EXPECT_EQ(fact(result, "name"), "haarcascade_pltzzz64x16_16STG");
  EXPECT_EQ(fact(result, "type_id"), "opencv-haar-classifier");
  EXPECT_EQ(fact(result, "size"), "64 16");
  EXPECT_EQ(fact(result, "stages.count"), "16");
  EXPECT_EQ(fact(result, "trees.count"), "91");
}

TEST(InspectOpencv, TruncatedAnywhereIsLocated) {
  const auto path = real_weights("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");
  if (!path) return;
  const std::string whole = slurp(*path);
  const auto cascade = whole.find("<cascade");
  ASSERT_NE(cascade, std::string::npos);
  for (std::size_t cut = cascade + 8; cut < whole.size(); cut += whole.size() / 89 + 1) {
    const Inspection result = inspect_bytes(std::string_view(whole).substr(0, cut), "cut.xml");
    EXPECT_EQ(result.format, "opencv-cascade");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_EQ(result.error->rfind("cut.xml: byte ", 0), 0u) << *result.error;
    // The comment before the cut stays.
    EXPECT_EQ(result.license, "Intel License Agreement For Open Source Computer Vision Library");
  }
}

std::string error_of(const std::string& xml) {
  const Inspection result = inspect_bytes(xml, "bad.xml");
  EXPECT_EQ(result.format, "opencv-cascade") << xml.substr(0, 80);
  EXPECT_TRUE(result.error);
  return result.error.value_or("");
}

TEST(InspectOpencv, HostileXml) {
  const std::string head = "<?xml version=\"1.0\"?>\n";
  EXPECT_NE(error_of(head + "<!DOCTYPE opencv_storage [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
                            "<opencv_storage><cascade>&b;</cascade></opencv_storage>")
                .find("no entity declarations"),
            std::string::npos);
  std::string deep = head + "<opencv_storage><cascade>";
  for (int i = 0; i < 300; ++i) deep += "<_>";
  EXPECT_NE(error_of(deep).find("elements nested at most 256 deep"), std::string::npos) << error_of(deep);
  EXPECT_NE(error_of(head + "<root><opencv_storage><cascade/></opencv_storage></root>")
                .find("bad.xml: byte 22: the root element <opencv_storage>, not <root>"),
            std::string::npos)
      << error_of(head + "<root><opencv_storage><cascade/></opencv_storage></root>");
  EXPECT_NE(error_of(head + "<opencv_storage><!-- no <cascade here --><svm/></opencv_storage>\n")
                .find("a cascade in <opencv_storage>"),
            std::string::npos);
  EXPECT_NE(error_of(head + "<opencv_storage><cascade><height>24</cascade></opencv_storage>")
                .find("well-formed XML, but expat says: mismatched tag"),
            std::string::npos);
}

TEST(InspectOpencv, LicenseNamedInAComment) {
  const std::string cascade = "<opencv_storage><cascade><stageType>BOOST</stageType></cascade></opencv_storage>";
  const Inspection bsd = inspect_bytes("<?xml version=\"1.0\"?>\n<!--\n  You agree to this license.\n"
                                       "  Released under the 3-clause BSD License.\n-->\n" + cascade,
                                       "bsd.xml");
  ASSERT_FALSE(bsd.error) << *bsd.error;
  EXPECT_EQ(bsd.license, "Released under the 3-clause BSD License.");
  const Inspection none =
      inspect_bytes("<?xml version=\"1.0\"?>\n<!-- By using it you agree to this license. -->\n" + cascade, "none.xml");
  ASSERT_FALSE(none.error) << *none.error;
  EXPECT_FALSE(none.license);
}

TEST(InspectOpencv, SniffsCascadesOnly) {
  EXPECT_EQ(inspect_bytes("<?xml version=\"1.0\"?>\n<opencv_storage>\n<camera_matrix type_id=\"opencv-matrix\"/>"
                          "</opencv_storage>\n",
                          "calibration.xml")
                .format,
            "unknown");
  EXPECT_EQ(inspect_bytes("<opencv_storage><cascade/></opencv_storage>", "no-declaration.xml").format, "unknown");
  const Inspection minimal =
      inspect_bytes("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<opencv_storage><cascade><stageType>BOOST</stageType>"
                    "<featureType>HAAR</featureType><height>4</height><width>8</width><stages><_><weakClassifiers>"
                    "<_/><_/></weakClassifiers></_></stages><features><_/></features></cascade></opencv_storage>",
                    "minimal.xml");
  ASSERT_FALSE(minimal.error) << *minimal.error;
  EXPECT_EQ(minimal.format_detail, "OpenCV cascade classifier (BOOST HAAR, window 8x4, 1 stages)");
  EXPECT_EQ(fact(minimal, "weakClassifiers.count"), "2");
  EXPECT_EQ(fact(minimal, "features.count"), "1");
}

}  // namespace
}  // namespace model_provenance::inspect
