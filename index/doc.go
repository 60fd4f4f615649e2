// Package index owns the full-text search index of a workspace (ws/index):
// building and updating it from records and their annotations, and
// searching it with filters, facets and highlighted fragments.
//
// # Documents
//
// Every paragraph of every speech (and every paragraph of a letter) is one
// document, identified as "<record key>#<seq>.<n>" where the record key is
// the record's store file name without ".json" ("A_79_PV.29.en#12.3"). Its
// keyword fields (symbol, session, year, date, meeting, country_code,
// delegation, role, groups, voices, themes, language, kind, sample,
// proposal, agenda — the debates of the record, so that passages outside
// the debate on the Council's report can be told apart and filtered) serve
// filters and facets; speaker, page, seq, n and each theme's provenance
// (codes: rule, model with its score, reviewed) are stored to render a hit.
//
// # Languages
//
// The text of a paragraph goes into one field per language — text_en,
// text_fr, text_es, text_ru, text_ar, text_zh, and text_other for anything
// else — each analysed by analysis.AnalyzerName of its language, the
// analyzer theme coding uses too. A query is parsed once and then compiled
// for every language present in the index against that language's field,
// so a query term is stemmed (or segmented into CJK bigrams) the way the
// passages of that language were, and a stop word of one language never
// empties the query of another. The per-language queries are joined with OR;
// since a paragraph has exactly one language the result is exact.
//
// # Generations
//
// The index lives in ws/index/gen-NNNNNN directories; the file
// ws/index/CURRENT names the live one. An update never writes into the live
// generation: it clones it (hard links for bleve's immutable segment files,
// a copy of its small root file), applies only the changed records to the
// clone, writes the clone's manifest, and then replaces CURRENT atomically.
// A full rebuild does the same from an empty index. A crash at any point
// leaves CURRENT naming an intact generation; the half-built one is removed
// by the next update. Readers (the server) notice a new CURRENT within a
// quarter of a second, or at once after Index.Refresh, and switch to it
// without disturbing searches already running on the old one. Update
// takes the workspace's *corpus.Lock: only one writer updates an index.
//
// # Queries
//
// ParseQuery reads the query language: words that must all appear, OR,
// NOT or a leading "-", parentheses, "quoted phrases", prefix* and word~
// (or word~2) for near spellings; a word the analyzer splits ("wrap-up",
// a run of Chinese characters) is searched as a phrase. Filters, session
// and date ranges, sorting, facets and highlighting are fields of Request.
// Malformed input gives a *QueryError or *RequestError, never a panic;
// Collect's valid request matching more passages than its limit gives a
// *TooManyError, so that a caller can tell the two apart.
//
// The manifest of a generation records, per record, the hash of the record
// file, the taxonomy hash and hash of the annotation used, and the document
// IDs it produced, so that the next update re-indexes exactly the records
// (or annotations) that changed and deletes the documents of records that
// are gone.
//
// # Columns
//
// When a generation is opened, a background task reads what searches need
// per hit into memory, by bleve's document number: the values of the facet
// fields (country, theme, session, group, language) and the places of the
// documents in newest-first and oldest-first order (about 5 MB and half a
// second of CPU for 227,000 passages, capped at 256 MB). A search counts
// its facets from the numbers of its hits as bleve collects them, and a
// search in date order has bleve rank its hits by their place instead of
// reading and comparing each hit's date key. Until the columns are loaded,
// or for a part over the cap, bleve's own terms facets and field sort do
// the work, with the same results.
package index
