// Package corpus owns the record model — the JSON interchange format that
// every stage of the pipeline reads and writes — and its on-disk store in a
// workspace, plus the embedded sample corpus.
//
// A record is one document in one language: a verbatim record of a General
// Assembly plenary or Security Council meeting, or a letter. Field names are
// a contract: fields may be added, never renamed.
//
// corpus also holds what every stage reads and names documents by, so that
// they agree: the six official languages and DetectLanguage, the table of
// States (LookupCountry), session ranges (SessionRange, ParseSessions), the
// address of a document's official record (OfficialLink), the numerals
// records print (ChineseNumber, ASCIIDigits), and the debate a record is part
// of, read from its agenda items in any language (Record.Debate: the
// Assembly's debate on the Council's report, on Council reform, a Council
// debate on its working methods, or other) — the context theme coding reads
// passages in and reports filter records by (ResolveDebates, InDebates).
// A paragraph is named everywhere by its passage ID (PassageID,
// ParsePassageID: "A_79_PV.29.en#3.2") and its text identified by
// TextDigest; a workspace has an identity (Workspace.ID) that the workbooks
// written from it carry.
//
// corpus also holds the contract every stage keeps with its caller: the
// workspace's writer Lock, which the stages that write take as a
// parameter; one Progress event (ProgressFunc), one ErrorFunc (it skips a
// failed item, or stops the stage by returning an error) and one Result
// shape; and the choice of one language version per document
// (Store.Documents, Versions.Choose), which every reader of a workspace
// makes alike.
package corpus

// Kinds of record.
const (
	KindVerbatim = "verbatim-record"
	KindLetter   = "letter"
)

// Speaker roles.
const (
	RolePresident       = "president"
	RoleActingPresident = "acting-president"
	RoleMemberState     = "member-state"
	RoleObserver        = "observer"
	RoleSecretariat     = "secretariat"
	RoleOther           = "other"
)

// Record is one document, parsed.
type Record struct {
	Symbol      string       `json:"symbol"`
	Body        string       `json:"body"`
	Kind        string       `json:"kind"`
	Language    string       `json:"language"`
	Session     *int         `json:"session"`
	Meeting     *int         `json:"meeting"`
	Date        string       `json:"date"`
	TimeStart   string       `json:"time_start"`
	TimeEnd     string       `json:"time_end"`
	President   *Person      `json:"president"`
	AgendaItems []AgendaItem `json:"agenda_items"`
	Source      Source       `json:"source"`
	Speeches    []Speech     `json:"speeches"`
	Events      []Event      `json:"events"`
	Votes       []Vote       `json:"votes,omitempty"`

	// Title is the document's title where it has one (letters).
	Title string `json:"title,omitempty"`
	// Letter holds what only letters and written statements have.
	Letter *Letter `json:"letter,omitempty"`
	// Sample marks the illustrative records of the embedded sample corpus;
	// they must never be mistaken for official records.
	Sample bool `json:"sample,omitempty"`
	// PageErrors lists pages that could not be decoded; the rest of the
	// document was still parsed.
	PageErrors []PageError `json:"page_errors,omitempty"`
}

// Person is a presiding officer or a signatory.
type Person struct {
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
}

// AgendaItem is an item considered at the meeting, as printed.
type AgendaItem struct {
	Number string `json:"number"`
	Title  string `json:"title"`
	// Subitems are the documents and sub-items listed under the item.
	Subitems []string `json:"subitems,omitempty"`
}

// Source identifies the file a record was parsed from.
type Source struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Pages  int    `json:"pages"`
	// Format is "pdf" or "txt".
	Format string `json:"format,omitempty"`
}

// Speech is one floor turn, the President's included. A turn in which the
// speaker changes language ("(spoke in French)" on a line of its own) is
// stored as consecutive speeches of the same speaker, one per language,
// whose paragraphs are numbered on from one to the next.
type Speech struct {
	Seq int `json:"seq"`
	// Speaker is the speaker as printed before the delegation ("Mr. Korbieh",
	// "The President").
	Speaker string `json:"speaker"`
	// Name is the surname as printed; empty for "The President".
	Name       string `json:"name"`
	Role       string `json:"role"`
	Delegation string `json:"delegation"`
	// Capacity is what the speaker line prints after the delegation, when
	// the speaker speaks in an office ("President of the Security Council").
	Capacity    string   `json:"capacity,omitempty"`
	CountryCode string   `json:"country_code"`
	SpokeIn     string   `json:"spoke_in"`
	OnBehalfOf  []string `json:"on_behalf_of"`
	AlignedWith []string `json:"aligned_with,omitempty"`
	AgendaItem  string   `json:"agenda_item"`
	// Reply marks a statement in exercise of the right of reply.
	Reply      bool        `json:"reply,omitempty"`
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Paragraph is one paragraph of a speech or letter. Page is the page of the
// source where it starts.
type Paragraph struct {
	N    int    `json:"n"`
	Page int    `json:"page"`
	Text string `json:"text"`
	// Item marks a list item (a bullet) whose marker was removed from Text.
	Item bool `json:"item,omitempty"`
	// Part numbers the pieces of a paragraph longer than
	// MaxParagraphBytes, which is stored as consecutive paragraphs, each
	// with the page its text starts on: 1, 2, … for the pieces, 0 for a
	// paragraph stored whole.
	Part int `json:"part,omitempty"`
}

// Event is a stage direction: "It was so decided.", opening and closing
// times, a change of chair. AfterSeq is the speech it follows (0: before the
// first).
type Event struct {
	AfterSeq int    `json:"after_seq"`
	Page     int    `json:"page"`
	Text     string `json:"text"`
}

// Vote is a recorded vote.
type Vote struct {
	AfterSeq   int      `json:"after_seq"`
	Page       int      `json:"page"`
	Subject    string   `json:"subject,omitempty"`
	InFavour   []string `json:"in_favour"`
	Against    []string `json:"against"`
	Abstaining []string `json:"abstaining"`
	// Result is the announced outcome as printed, where there is one.
	Result string `json:"result,omitempty"`
}

// Letter holds the parts of a letter or written statement.
type Letter struct {
	Addressee   string      `json:"addressee"`
	Signatories []Signatory `json:"signatories"`
	// From lists the delegations the letter is from, as its title names
	// them, with their codes in FromCodes (same order): the signature block
	// does not always say which signatory is whose.
	From       []string `json:"from,omitempty"`
	FromCodes  []string `json:"from_codes,omitempty"`
	OnBehalfOf []string `json:"on_behalf_of,omitempty"`
	// Members lists the group's members when the letter states them, as
	// printed, with their codes in MemberCodes (same order).
	Members     []string `json:"members,omitempty"`
	MemberCodes []string `json:"member_codes,omitempty"`
}

// Signatory is one signatory of a letter.
type Signatory struct {
	Name        string `json:"name"`
	Title       string `json:"title,omitempty"`
	Delegation  string `json:"delegation"`
	CountryCode string `json:"country_code"`
}

// PageError records a page that failed to decode.
type PageError struct {
	Page int    `json:"page"`
	Err  string `json:"error"`
}

// Int returns a pointer to n, for the nullable fields.
func Int(n int) *int { return &n }
