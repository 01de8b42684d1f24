// Parses an iCalendar file with ical.js and prints its events as JSON, for
// tests/app/schedule_api_test.cpp.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const component = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
const events = component.getAllSubcomponents("vevent").map((v) => {
  const start = v.getFirstPropertyValue("dtstart");
  const end = v.getFirstPropertyValue("dtend");
  return {
    uid: v.getFirstPropertyValue("uid"),
    summary: v.getFirstPropertyValue("summary"),
    location: v.getFirstPropertyValue("location"),
    description: v.getFirstPropertyValue("description"),
    status: v.getFirstPropertyValue("status"),
    start: start.toString(),
    start_is_date: start.isDate,
    end: end.toString(),
    dtstamp: v.getFirstPropertyValue("dtstamp").toString(),
  };
});
console.log(JSON.stringify({ version: component.getFirstPropertyValue("version"), events }));
