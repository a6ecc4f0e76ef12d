//! Round 13 of issue 7: rules found on fresh sets p21–p25 and on the document fields of the
//! earlier sets, each stated as a fact about how handling reports are written and checked with
//! invented sentences.

use crate::phenomena::meta;

#[test]
fn the_counting_body_written_with_its_place_is_where_the_report_comes_from() {
    // Higher bodies inspect; the county government counts the items it handled.
    let m = meta(
        "检查两案办理工作\n7月2日,市人大常委会副主任带领检查组深入某地检查。据了解,今年甘谷县政府共承办代表建议19件、委员提案27件。",
    );
    assert_eq!((m.region.as_str(), m.level.as_str()), ("甘谷县", "county"));
}
