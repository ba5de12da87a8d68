package dev.salesflow.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How an import reads times: ISO-8601 or a {@code --date-format} pattern, in a zone. */
class ImportTimesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static OffsetDateTime at(String text) {
    return OffsetDateTime.parse(text);
  }

  @Test
  void aZohoDateIsReadInThePatternWithoutAnOffsetInTheZone() {
    ImportTimes times = ImportTimes.of("d MMM, yyyy HH:mm:ss", SHANGHAI);
    assertThat(times.read("15 Apr, 2021 00:03:00")).contains(new ImportTimes.Reading(at("2021-04-15T00:03:00+08:00"), false, false));
    assertThat(times.read(" 5 apr, 2021 17:45:10 ")).contains(new ImportTimes.Reading(at("2021-04-05T17:45:10+08:00"), false, false));
    assertThat(ImportTimes.of("d MMM, yyyy HH:mm:ss", BERLIN).read("15 Apr, 2021 00:03:00").orElseThrow().at())
        .isEqualTo(at("2021-04-15T00:03:00+02:00"));
  }

  @Test
  void monthNamesAreEnglishWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.CHINA);
      assertThat(ImportTimes.of("d MMM, yyyy HH:mm:ss", SHANGHAI).read("15 Apr, 2021 00:03:00")).isPresent();
      assertThat(ImportTimes.of("EEEE d MMMM yyyy", SHANGHAI).read("Thursday 15 April 2021")).isPresent();
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void aDateOnlyPatternGivesMidnightAndSaysSo() {
    assertThat(ImportTimes.of("dd/MM/yyyy", SHANGHAI).read("15/04/2021"))
        .contains(new ImportTimes.Reading(at("2021-04-15T00:00:00+08:00"), true, false));
  }

  @Test
  void aPatternWithAnOffsetKeepsTheValuesOwn() {
    assertThat(ImportTimes.of("yyyy-MM-dd HH:mm XXX", BERLIN).read("2021-04-15 09:30 +08:00"))
        .contains(new ImportTimes.Reading(at("2021-04-15T09:30:00+08:00"), false, true));
  }

  @Test
  void valuesAreReadStrictly() {
    ImportTimes times = ImportTimes.of("d MMM, yyyy HH:mm:ss", SHANGHAI);
    assertThat(times.read("30 Feb, 2021 00:03:00")).isEmpty();
    assertThat(times.read("15 Apr, 2021 24:03:00")).isEmpty();
    assertThat(times.read("2021-04-15T00:03:00+08:00")).isEmpty();
    assertThat(times.read("15 Apr, 2021 00:03:00 extra")).isEmpty();
    assertThat(times.read("15 Apr, 1850 00:03:00")).isEmpty();
    assertThat(times.problem("registered_at", "Created Time", "2021-04-15")).isEqualTo("registered_at '2021-04-15'"
        + " (column 'Created Time') does not match --date-format 'd MMM, yyyy HH:mm:ss' (e.g. 15 Apr, 2021 15:03:09)");
    assertThat(times.problem("registered_at", "Created Time", "15 Apr, 1850 00:03:00"))
        .isEqualTo("registered_at '15 Apr, 1850 00:03:00' (column 'Created Time') is not from year 1900 to 9999");
  }

  @Test
  void isoValuesAreReadAsCaseFilesAreAndSayWhatTheyLeftOut() {
    ImportTimes iso = ImportTimes.iso(BERLIN);
    assertThat(iso.read("2021-04-15T00:03:00+08:00")).contains(new ImportTimes.Reading(at("2021-04-15T00:03:00+08:00"), false, true));
    assertThat(iso.read("2021-04-15T00:03:00Z")).contains(new ImportTimes.Reading(at("2021-04-15T00:03:00Z"), false, true));
    assertThat(iso.read("2021-04-15 00:03")).contains(new ImportTimes.Reading(at("2021-04-15T00:03:00+02:00"), false, false));
    assertThat(iso.read("2021-04-15")).contains(new ImportTimes.Reading(at("2021-04-15T00:00:00+02:00"), true, false));
    assertThat(iso.read("15 Apr, 2021")).isEmpty();
    assertThat(ImportTimes.of(null, BERLIN).read("2021-04-15")).isEqualTo(iso.read("2021-04-15"));
    assertThat(iso.problem("stage_at", "Closed", "x")).isEqualTo("stage_at 'x' is not " + Timestamps.accepted());
  }

  @Test
  void aPatternThatCannotReadADateIsAUsageError() {
    assertThatThrownBy(() -> ImportTimes.of("dd {", SHANGHAI)).isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("--date-format 'dd {': not a date pattern (");
    for (String noDate : new String[] {"HH:mm", "MMM yyyy", "YYYY-MM-dd", "dd/MM/yyyy hh:mm"}) {
      assertThatThrownBy(() -> ImportTimes.of(noDate, SHANGHAI)).as(noDate).isInstanceOf(InvalidRequestException.class)
          .hasMessageStartingWith("--date-format '" + noDate + "' cannot read back a date it writes ('");
    }
    assertThat(ImportTimes.of("dd/MM/yyyy hh:mm a", SHANGHAI).read("15/04/2021 03:03 PM").orElseThrow().at())
        .isEqualTo(at("2021-04-15T15:03:00+08:00"));
  }

  @Test
  void aZoneIsARegionOrAnOffset() {
    assertThat(ImportTimes.zone("Europe/Berlin")).isEqualTo(BERLIN);
    assertThat(ImportTimes.zone("+01:00")).isEqualTo(ZoneId.of("+01:00"));
    assertThat(ImportTimes.zone("UTC")).isEqualTo(ZoneId.of("UTC"));
    assertThatThrownBy(() -> ImportTimes.zone("Mars/Base")).isInstanceOf(InvalidRequestException.class)
        .hasMessage("--timezone: unknown time zone 'Mars/Base' (use a region id such as Asia/Shanghai or Europe/Berlin,"
            + " or an offset such as +08:00)");
  }
}
