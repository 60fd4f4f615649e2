// Package sample owns the embedded sample corpus: illustrative records of
// the General Assembly's joint debate on the report of the Security Council
// and on Council reform, in the seventy-sixth, seventy-seventh and
// seventy-eighth sessions (June 2022, 2023 and 2024), plus the Chinese
// version of the seventy-seventh session's record, so that every stage of
// the pipeline can be run and shown without official documents at hand.
//
// The records are written for the project and are not official United
// Nations documents: their symbols start with "SAMPLE/" (so they cannot
// collide with real ones), their covers say so, and the records parsed from
// them are to be marked Sample. Delegations are real Member States and
// groups, and the positions are those the groups and States take in the
// debate; speakers' surnames are invented.
//
// Files gives the records as text, in the layout pdftotext prints for a
// verbatim record, for the text ingester; Records gives the same records as
// authored, for checking a parser against. Render typesets any verbatim
// record in that layout, and Generate multiplies parsed records into a
// corpus of any size for benchmarks.
//
// The records are authored in source/ (one paragraph a line; source.go
// describes the form) and typeset into records/ by
//
//	go test ./corpus/sample -run TestRecordsTypesetFromSources -update
package sample
