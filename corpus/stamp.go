package corpus

import (
	"os"
	"syscall"
)

// FileStamp identifies a file's content without reading it: records and
// annotations are replaced whole (written to a temporary file and
// renamed, see WriteFileAtomic), which changes the inode and the
// modification time. The stages keep stamps to tell, from a directory's
// files alone, that nothing changed since they last ran.
type FileStamp struct {
	Size    int64  `json:"size"`
	ModTime int64  `json:"mod_time"`
	Inode   uint64 `json:"inode"`
}

// StampOf stamps the regular file at path; false when there is none.
func StampOf(path string) (FileStamp, bool) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return FileStamp{}, false
	}
	s := FileStamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		s.Inode = st.Ino
	}
	return s, true
}
