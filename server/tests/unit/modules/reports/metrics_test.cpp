// The metric names are stored (rollup_metrics, rollup_buckets): these are the names buckets written
// before metrics.hpp existed carry, and a change here would read old buckets as zero (decision 0007).
#include "modules/reports/metrics.hpp"

#include <gtest/gtest.h>

using namespace antq::reports;
namespace m = antq::reports::metric;
namespace measure = antq::reports::metric::measure;

TEST(ReportMetricsTest, NamesAreTheStoredOnes) {
  EXPECT_EQ(m::activity("training", measure::count), "activities.training.count");
  EXPECT_EQ(m::activity_by_organizer("training", "women_union", measure::participants),
            "activities.training.by_organizer.women_union.participants");
  EXPECT_EQ(m::activity_by_audience("propaganda", "youth_union", measure::count), "activities.propaganda.by_audience.youth_union.count");
  EXPECT_EQ(m::activity_by_topic("training", "fire", measure::quantity), "activities.training.by_topic.fire.quantity");
  EXPECT_EQ(m::activity_with_audience("training", measure::participants), "activities.training.with_audience.participants");
  EXPECT_EQ(m::all_activities(measure::count), "activities_all.count");
  EXPECT_EQ(m::activities_total(measure::participants), "activities.participants");
  EXPECT_EQ(m::organizer_activities("police", measure::count), "activity_organizers.police.count");
  EXPECT_EQ(m::topic_activities("drugs", measure::participants), "activity_topics.drugs.participants");
  EXPECT_EQ(m::tips_by_category("drugs"), "tips.by_category.drugs.received");
  EXPECT_EQ(m::mediation_outcome("successful"), "mediations.successful");
  EXPECT_EQ(m::reintegration_session_kind("education"), "reintegration.sessions_education");
  EXPECT_EQ(m::group("self_managed", measure::members), "groups.self_managed.members");
  EXPECT_EQ(m::group_by_platform("channel", "zalo", measure::count), "groups.channel.by_platform.zalo.count");
  EXPECT_EQ(m::model_kind("thematic"), "models.by_kind.thematic");
  EXPECT_EQ(m::model_field("school"), "models.field.school");
  EXPECT_EQ(m::award("certificate", "collective"), "awards.certificate.collective");
  EXPECT_EQ(m::starts(m::kPledgesCount), "pledges.count@s");
  EXPECT_EQ(m::ends(m::kModelUnits), "models.units@e");
  EXPECT_STREQ(m::kProgressed, "reintegration.progressed");
  EXPECT_STREQ(m::kReoffended, "reintegration.reoffended");
  EXPECT_STREQ(m::kModelUnits, "models.units");
}

TEST(ReportMetricsTest, PeriodMetricsAreWhatRunsOverAPeriod) {
  for (const std::string p :
       {"groups.self_managed.count", "groups.channel.by_platform.zalo.members", "models.count", "models.by_kind.model",
        "models.field.school", "programs.active", "pledges.count", "reintegration.people", "models.units"}) {
    EXPECT_TRUE(m::is_period(p)) << p;
  }
  for (const std::string e : {"activities.training.count", "tips.received", "reintegration.sessions", "reintegration.progressed",
                              "models.fields", "models.replicated_units", "awards.certificate.collective", "patrols.count"}) {
    EXPECT_FALSE(m::is_period(e)) << e;
  }
}
