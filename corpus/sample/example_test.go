package sample_test

import (
	"fmt"
	"io/fs"
	"log"

	"github.com/scdebate/scdebate/corpus/sample"
)

func ExampleFiles() {
	names, err := fs.Glob(sample.Files(), "*.txt")
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range names {
		fmt.Println(name)
	}
	// Output:
	// SAMPLE_A_76_PV.85.en.txt
	// SAMPLE_A_77_PV.71.en.txt
	// SAMPLE_A_77_PV.71.zh.txt
	// SAMPLE_A_78_PV.92.en.txt
}

func ExampleRecords() {
	recs, err := sample.Records()
	if err != nil {
		log.Fatal(err)
	}
	for _, rec := range recs {
		first := rec.Speeches[2]
		fmt.Printf("%s %s %s: %s (%s) for %v\n", rec.Symbol, rec.Language, rec.Date, first.Speaker, first.Delegation, first.OnBehalfOf)
	}
	// Output:
	// SAMPLE/A/76/PV.85 en 2022-06-09: Mr. Brunner (Switzerland) for [Accountability, Coherence and Transparency group]
	// SAMPLE/A/77/PV.71 en 2023-06-08: Mr. Solano Vargas (Costa Rica) for [Accountability, Coherence and Transparency group]
	// SAMPLE/A/77/PV.71 zh 2023-06-08: 索拉诺·巴尔加斯先生 (哥斯达黎加) for [加强问责制、一致性和透明度国家集团]
	// SAMPLE/A/78/PV.92 en 2024-06-11: Ms. Fairbairn (New Zealand) for [Accountability, Coherence and Transparency group]
}

func ExampleGenerate() {
	base, err := sample.Records()
	if err != nil {
		log.Fatal(err)
	}
	seq, err := sample.Generate(42, base, sample.Options{Sessions: 3, RecordsPerSession: 2, SpeechesPerRecord: 50})
	if err != nil {
		log.Fatal(err)
	}
	records, speeches := 0, 0
	for rec := range seq {
		records++
		speeches += len(rec.Speeches)
	}
	fmt.Println(records, "records,", speeches, "speeches")
	// Output: 6 records, 300 speeches
}

func ExampleRender() {
	recs, err := sample.Records()
	if err != nil {
		log.Fatal(err)
	}
	text, err := sample.Render(recs[0])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.17s… %d pages\n", text, recs[0].Source.Pages)
	// Output: SAMPLE/A/76/PV.85… 12 pages
}
