// Videos: libavformat demuxes the upload and muxes its audio and video packets, untouched, into a
// new file of the same container family; nothing else of the input is carried over (no container,
// stream or chapter metadata, no data, subtitle or attachment streams, no cover art), so whatever
// box or element held a place name — udta, meta/keys, uuid XMP, ©xyz, Matroska Tags, a timed GPS
// track — is simply not in the new file. See docs/decisions/0009-media-cleaning.md.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstring>
#include <mutex>
#include <vector>

#include "core/log.hpp"
#include "modules/media/media_internal.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/log.h>
#include <libavutil/mem.h>
}

namespace antq::media::detail {

namespace {

// Bounds on the work a hostile file can cause. A phone video has 2 to 6 streams (an iPhone adds
// timed-metadata tracks); 25 MB remuxes in well under a second.
constexpr int kMaxStreams = 32;
constexpr auto kTimeLimit = std::chrono::seconds(20);
constexpr std::int64_t kMaxPackets = 2'000'000;
// One allocation of libav at most (the default is INT_MAX): a forged sample table cannot ask
// for gigabytes of index.
constexpr std::size_t kMaxAlloc = 256u << 20;

constexpr const char* kIsoFamily = "mov,mp4,m4a,3gp,3g2,mj2";  // libavformat's one demuxer for all
constexpr const char* kMatroskaFamily = "matroska,webm";

// libav's messages go to our log at debug level (a hostile upload must not fill the operator's
// log, and libav's own lines on stderr would not be JSON).
void log_from_libav(void* avcl, int level, const char* fmt, va_list vl) {
  if (level > AV_LOG_WARNING || !log::enabled(log::Level::debug)) return;
  char line[1024];
  int print_prefix = 1;
  av_log_format_line2(avcl, level, fmt, vl, line, sizeof line, &print_prefix);
  std::string_view m(line);
  while (!m.empty() && (m.back() == '\n' || m.back() == '\r')) m.remove_suffix(1);
  log::write(log::Level::debug, "libav", {{"level", level <= AV_LOG_ERROR ? "error" : "warning"}, {"message", m}});
}

std::once_flag libav_once;
void init_libav() {
  std::call_once(libav_once, [] {
    av_log_set_callback(&log_from_libav);
    av_max_alloc(kMaxAlloc);
  });
}

struct Budget {
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::now() + kTimeLimit;
  bool expired() const { return std::chrono::steady_clock::now() > deadline; }
};
int interrupt_cb(void* budget) { return static_cast<const Budget*>(budget)->expired() ? 1 : 0; }

// The input through our own I/O callbacks on a descriptor: libavformat gets no protocol and no
// file name to open anything else with (QuickTime data references, for one), and every read is
// counted against the budget.
struct InputFile {
  int fd = -1;
  std::int64_t size = 0;
  std::uint64_t read = 0, max_read = 0;
  const Budget* budget = nullptr;
};

int read_cb(void* opaque, uint8_t* buf, int n) {
  auto* in = static_cast<InputFile*>(opaque);
  if (in->budget->expired() || in->read > in->max_read) return AVERROR_EXIT;
  ssize_t r;
  do r = ::read(in->fd, buf, static_cast<std::size_t>(n));
  while (r < 0 && errno == EINTR);
  if (r < 0) return AVERROR(errno);
  if (r == 0) return AVERROR_EOF;
  in->read += static_cast<std::uint64_t>(r);
  return static_cast<int>(r);
}

int64_t input_seek_cb(void* opaque, int64_t offset, int whence) {
  auto* in = static_cast<InputFile*>(opaque);
  if (whence & AVSEEK_SIZE) return in->size;
  const off_t r = ::lseek(in->fd, static_cast<off_t>(offset), whence & ~AVSEEK_FORCE);
  return r < 0 ? AVERROR(errno) : static_cast<int64_t>(r);
}

struct OutputFile {
  int fd = -1;
  std::uint64_t written = 0, max_written = 0;
  int io_error = 0;  // errno of a failed write: the disk's fault, not the file's
};

int write_cb(void* opaque, uint8_t* buf, int n) {
  auto* out = static_cast<OutputFile*>(opaque);
  out->written += static_cast<std::uint64_t>(n);
  if (out->written > out->max_written) return AVERROR_EXIT;
  for (int done = 0; done < n;) {
    const ssize_t r = ::write(out->fd, buf + done, static_cast<std::size_t>(n - done));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      out->io_error = r < 0 ? errno : EIO;
      return AVERROR(out->io_error);
    }
    done += static_cast<int>(r);
  }
  return n;
}

int64_t output_seek_cb(void* opaque, int64_t offset, int whence) {
  auto* out = static_cast<OutputFile*>(opaque);
  if (whence & AVSEEK_SIZE) {
    struct stat st {};
    return ::fstat(out->fd, &st) == 0 ? static_cast<int64_t>(st.st_size) : AVERROR(errno);
  }
  const off_t r = ::lseek(out->fd, static_cast<off_t>(offset), whence & ~AVSEEK_FORCE);
  return r < 0 ? AVERROR(errno) : static_cast<int64_t>(r);
}

AVIOContext* make_io(void* opaque, bool write) {
  constexpr int kBuffer = 1 << 16;
  auto* buffer = static_cast<unsigned char*>(av_malloc(kBuffer));
  if (!buffer) return nullptr;
  AVIOContext* io = write ? avio_alloc_context(buffer, kBuffer, 1, opaque, nullptr, &write_cb, &output_seek_cb)
                          : avio_alloc_context(buffer, kBuffer, 0, opaque, &read_cb, nullptr, &input_seek_cb);
  if (!io) av_free(buffer);
  return io;
}

void free_io(AVIOContext*& io) {
  if (!io) return;
  av_freep(&io->buffer);
  avio_context_free(&io);
}

const char* family_of(const MediaType& type) {
  if (type.media_type == "video/webm") return kMatroskaFamily;
  if (type.media_type == "video/mp4" || type.media_type == "video/quicktime" || type.media_type == "video/3gpp") return kIsoFamily;
  return nullptr;
}

// The streams worth keeping: audio and video, not a cover picture or thumbnail track.
bool kept_stream(const AVStream* st) {
  const auto t = st->codecpar->codec_type;
  return (t == AVMEDIA_TYPE_VIDEO || t == AVMEDIA_TYPE_AUDIO) && st->codecpar->codec_id != AV_CODEC_ID_NONE &&
         !(st->disposition & (AV_DISPOSITION_ATTACHED_PIC | AV_DISPOSITION_TIMED_THUMBNAILS));
}

// Whether the file holds all that its container says it holds. libavformat reads a cut file to
// its end without complaint (a QuickTime sample table pointing past the end, a Matroska segment
// shorter than its size), so the sizes are checked here.
bool iso_complete(AVFormatContext* ic, std::int64_t file_size) {
  for (unsigned i = 0; i < ic->nb_streams; ++i) {
    AVStream* st = ic->streams[i];
    const int n = avformat_index_get_entries_count(st);
    for (int k = 0; k < n; ++k) {
      const AVIndexEntry* e = avformat_index_get_entry(st, k);
      if (e && (e->pos < 0 || e->size < 0 || e->pos > file_size - e->size)) return false;
    }
  }
  return true;
}

// EBML variable-length integer at `p` (at most 8 bytes); `id` keeps the length marker (element
// IDs are written that way). Returns its length, 0 if malformed.
std::size_t ebml_vint(const unsigned char* p, std::size_t avail, std::uint64_t& value, bool& unknown, bool id) {
  if (avail == 0 || p[0] == 0) return 0;
  std::size_t len = 1;
  while (!(p[0] & (0x80 >> (len - 1)))) ++len;
  if (len > avail) return 0;
  value = id ? p[0] : (p[0] & (0xFFu >> len));
  bool all_ones = value == (0xFFu >> len);
  for (std::size_t i = 1; i < len; ++i) {
    value = (value << 8) | p[i];
    all_ones = all_ones && p[i] == 0xFF;
  }
  unknown = !id && all_ones;
  return len;
}

bool matroska_complete(int fd, std::int64_t file_size) {
  unsigned char b[64];
  const ssize_t got = ::pread(fd, b, sizeof b, 0);
  if (got < 8) return false;
  std::size_t pos = 0;
  std::uint64_t id = 0, size = 0;
  bool unknown = false;
  // The EBML header, then (normally) the Segment: when the Segment states its size, the file
  // must be at least that long. A live recording (a browser's MediaRecorder) writes "unknown
  // size": nothing to compare with, and libavformat's reading is the only check.
  std::size_t n = ebml_vint(b, static_cast<std::size_t>(got), id, unknown, true);
  if (!n || id != 0x1A45DFA3) return false;
  pos += n;
  n = ebml_vint(b + pos, static_cast<std::size_t>(got) - pos, size, unknown, false);
  if (!n || unknown) return false;
  pos += n;
  if (size > static_cast<std::uint64_t>(file_size) - pos) return false;
  pos += size;
  unsigned char h[16];
  const ssize_t hgot = ::pread(fd, h, sizeof h, static_cast<off_t>(pos));
  if (hgot < 5) return false;
  n = ebml_vint(h, static_cast<std::size_t>(hgot), id, unknown, true);
  if (!n || id != 0x18538067) return true;  // not a Segment next: libavformat has judged it
  const std::size_t m = ebml_vint(h + n, static_cast<std::size_t>(hgot) - n, size, unknown, false);
  if (!m) return false;
  return unknown || size <= static_cast<std::uint64_t>(file_size) - (pos + n + m);
}

class Demuxer {
 public:
  ~Demuxer() {
    if (ic) avformat_close_input(&ic);
    free_io(pb_);
    if (file_.fd >= 0) ::close(file_.fd);
  }

  // Opens the file as the container family its type claims; false (and `stage`) when it is not
  // one, or has no audio or video, or too many streams.
  bool open(const std::string& path, const MediaType& type, const Budget& budget, const char*& stage) {
    stage = "read";
    const char* family = family_of(type);
    if (!family) return false;
    file_.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (file_.fd < 0 || ::fstat(file_.fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) return false;
    file_.size = st.st_size;
    // Probing and index building seek back and forth, but a demuxer reading the file many
    // times over is looping on a forged structure.
    file_.max_read = static_cast<std::uint64_t>(st.st_size) * 8 + (16u << 20);
    file_.budget = &budget;
    pb_ = make_io(&file_, false);
    ic = avformat_alloc_context();
    if (!pb_ || !ic) throw std::bad_alloc();
    ic->pb = pb_;
    // No parsers: packets go out as the container stored them (a parser may split or merge
    // them, and is one more piece of code reading hostile bytes).
    ic->flags |= AVFMT_FLAG_NOPARSE;
    ic->interrupt_callback = AVIOInterruptCB{&interrupt_cb, const_cast<Budget*>(&budget)};
    AVDictionary* opts = nullptr;
    // The probe still looks at the content, but only the expected family may win it.
    av_dict_set(&opts, "format_whitelist", family, 0);
    av_dict_set(&opts, "protocol_whitelist", "none", 0);
    av_dict_set_int(&opts, "max_streams", kMaxStreams, 0);
    stage = "demux_open";
    const int ret = avformat_open_input(&ic, "", nullptr, &opts);  // frees ic on failure
    av_dict_free(&opts);
    if (ret < 0) return false;
    if (std::string_view(ic->iformat->name) != family) return false;
    stage = "streams";
    if (ic->nb_streams > static_cast<unsigned>(kMaxStreams)) return false;
    bool any = false, incomplete = false;
    for (unsigned i = 0; i < ic->nb_streams; ++i) {
      const AVStream* s = ic->streams[i];
      if (!kept_stream(s)) continue;
      any = true;
      const AVCodecParameters* p = s->codecpar;
      incomplete = incomplete || (p->codec_type == AVMEDIA_TYPE_VIDEO && (p->width <= 0 || p->height <= 0)) ||
                   (p->codec_type == AVMEDIA_TYPE_AUDIO && (p->sample_rate <= 0 || p->ch_layout.nb_channels <= 0));
    }
    if (!any) return false;
    stage = "truncated";
    if (family == kIsoFamily ? !iso_complete(ic, file_.size) : !matroska_complete(file_.fd, file_.size)) return false;
    if (incomplete) {
      // The container does not say everything a muxer needs (QuickTime leaves the picture size
      // of H.263 and MPEG-4 Part 2, an old phone's 3GP, to the decoder): libavformat reads the
      // first packets' headers, within its probe limits and our time limit.
      stage = "stream_info";
      if (avformat_find_stream_info(ic, nullptr) < 0) return false;
    }
    return true;
  }

  AVFormatContext* ic = nullptr;

 private:
  InputFile file_;
  AVIOContext* pb_ = nullptr;
};

// The muxers of each family, most specific first: a file keeps its own kind (MP4, QuickTime,
// 3GP, WebM) unless its codecs are not allowed there, and then takes the family's most permissive
// sibling (QuickTime; Matroska) rather than being refused.
std::vector<const char*> muxers_for(const MediaType& type) {
  if (type.media_type == "video/mp4") return {"mp4", "mov"};
  if (type.media_type == "video/quicktime") return {"mov"};
  if (type.media_type == "video/3gpp") return {"3gp", "mp4", "mov"};
  if (type.media_type == "video/webm") return {"webm", "matroska"};
  return {};
}

const AVOutputFormat* pick_muxer(const MediaType& type, const AVFormatContext* ic) {
  for (const char* name : muxers_for(type)) {
    const AVOutputFormat* f = av_guess_format(name, nullptr, nullptr);
    if (!f) continue;
    bool all = true;
    for (unsigned i = 0; i < ic->nb_streams && all; ++i) {
      if (kept_stream(ic->streams[i])) all = avformat_query_codec(f, ic->streams[i]->codecpar->codec_id, FF_COMPLIANCE_NORMAL) == 1;
    }
    if (all) return f;
  }
  return nullptr;
}

// Stream side data that changes how the picture is shown, and nothing else: rotation (the
// display matrix: a phone held upright), stereo and 360° layout, HDR mastering and light level.
constexpr AVPacketSideDataType kKeptStreamSideData[] = {AV_PKT_DATA_DISPLAYMATRIX, AV_PKT_DATA_STEREO3D, AV_PKT_DATA_SPHERICAL,
                                                        AV_PKT_DATA_MASTERING_DISPLAY_METADATA, AV_PKT_DATA_CONTENT_LIGHT_LEVEL};

bool copy_stream(const AVStream* in, AVStream* out, const AVOutputFormat* ofmt) {
  if (avcodec_parameters_copy(out->codecpar, in->codecpar) < 0) return false;
  // The input's codec tag is kept when the muxer knows it (Apple players need 'hvc1', not the
  // 'hev1' the muxer would pick for HEVC); otherwise the muxer chooses.
  unsigned int tag = 0;
  if (ofmt->codec_tag && av_codec_get_id(ofmt->codec_tag, in->codecpar->codec_tag) != in->codecpar->codec_id &&
      av_codec_get_tag2(ofmt->codec_tag, in->codecpar->codec_id, &tag)) {
    out->codecpar->codec_tag = 0;
  }
  out->time_base = in->time_base;
  out->avg_frame_rate = in->avg_frame_rate;
  out->sample_aspect_ratio = in->sample_aspect_ratio;
  out->disposition = in->disposition & AV_DISPOSITION_DEFAULT;
  for (auto type : kKeptStreamSideData) {
    std::size_t size = 0;
    const uint8_t* data = av_stream_get_side_data(in, type, &size);
    if (!data || !size) continue;
    uint8_t* copy = av_stream_new_side_data(out, type, size);
    if (!copy) return false;
    std::memcpy(copy, data, size);
  }
  return true;
}

// Packet side data is dropped but for skip samples (an Opus or AAC encoder's padding, for
// gapless playback); Matroska BlockAdditions and metadata updates could carry anything.
bool filter_packet_side_data(AVPacket* pkt) {
  if (pkt->side_data_elems == 0) return true;
  std::size_t size = 0;
  const uint8_t* skip = av_packet_get_side_data(pkt, AV_PKT_DATA_SKIP_SAMPLES, &size);
  std::vector<uint8_t> keep(skip, skip ? skip + size : skip);
  av_packet_free_side_data(pkt);
  if (!keep.empty()) {
    uint8_t* p = av_packet_new_side_data(pkt, AV_PKT_DATA_SKIP_SAMPLES, keep.size());
    if (!p) return false;
    std::memcpy(p, keep.data(), keep.size());
  }
  return true;
}

struct Muxer {
  AVFormatContext* oc = nullptr;
  AVIOContext* pb = nullptr;
  OutputFile file;
  ~Muxer() {
    if (oc) avformat_free_context(oc);
    free_io(pb);
  }
};

// Opens the upload as the container its type names; a refusal is logged with the stage that failed.
bool open_or_refuse(Demuxer& in, const std::string& path, const MediaType& type, const Budget& budget) {
  const char* stage = "";
  if (in.open(path, type, budget, stage)) return true;
  log_refused(type, stage);
  return false;
}

}  // namespace

bool validate_video(const std::string& path, const MediaType& type) {
  init_libav();
  const Budget budget;
  Demuxer in;
  if (!open_or_refuse(in, path, type, budget)) return false;
  // The container's tables name packets; the first audio or video one must be readable.
  AVPacket* pkt = av_packet_alloc();
  if (!pkt) throw std::bad_alloc();
  bool found = false;
  for (int n = 0; !found && n < 10'000; ++n) {
    if (av_read_frame(in.ic, pkt) < 0) break;
    found = kept_stream(in.ic->streams[pkt->stream_index]) && pkt->size > 0 && !(pkt->flags & AV_PKT_FLAG_CORRUPT);
    av_packet_unref(pkt);
  }
  av_packet_free(&pkt);
  if (!found) log_refused(type, "demux_read");
  return found;
}

bool clean_video(const std::string& path, const MediaType& type) {
  init_libav();
  const Budget budget;
  Demuxer in;
  if (!open_or_refuse(in, path, type, budget)) return false;
  const AVOutputFormat* ofmt = pick_muxer(type, in.ic);
  if (!ofmt) {
    log_refused(type, "codecs");
    return false;
  }
  Replacement replacement(path);
  if (!replacement.ok()) throw std::runtime_error("cannot create the cleaned video next to " + path);
  Muxer out;
  out.file.fd = replacement.fd();
  // The new file holds the same packets plus new tables: a result far bigger than the input
  // means packets were read more than once (a forged sample table).
  out.file.max_written = static_cast<std::uint64_t>(in.ic->pb ? avio_size(in.ic->pb) : 0) * 2 + (16u << 20);
  if (avformat_alloc_output_context2(&out.oc, ofmt, nullptr, nullptr) < 0 || !out.oc) throw std::bad_alloc();
  out.pb = make_io(&out.file, true);
  if (!out.pb) throw std::bad_alloc();
  out.oc->pb = out.pb;
  out.oc->flags |= AVFMT_FLAG_BITEXACT | AVFMT_FLAG_CUSTOM_IO;  // no "Lavf" tags, no random ids
  out.oc->interrupt_callback = AVIOInterruptCB{&interrupt_cb, const_cast<Budget*>(&budget)};

  std::vector<int> map(in.ic->nb_streams, -1);
  for (unsigned i = 0; i < in.ic->nb_streams; ++i) {
    const AVStream* is = in.ic->streams[i];
    if (!kept_stream(is)) continue;
    AVStream* os = avformat_new_stream(out.oc, nullptr);
    if (!os) throw std::bad_alloc();
    if (!copy_stream(is, os, ofmt)) {
      log_refused(type, "streams");
      return false;
    }
    map[i] = os->index;
  }
  if (avformat_write_header(out.oc, nullptr) < 0) {
    log_refused(type, "mux_header");
    return false;
  }
  AVPacket* pkt = av_packet_alloc();
  if (!pkt) throw std::bad_alloc();
  struct FreePacket {
    AVPacket* p;
    ~FreePacket() { av_packet_free(&p); }
  } free_packet{pkt};
  const auto input_size = static_cast<std::uint64_t>(avio_size(in.ic->pb));
  std::uint64_t packet_bytes = 0;
  std::int64_t packets = 0;
  for (;;) {
    const int r = av_read_frame(in.ic, pkt);
    if (r == AVERROR_EOF) break;
    if (r < 0 || budget.expired()) {
      log_refused(type, budget.expired() ? "time_limit" : "demux_read");
      return false;
    }
    // A stream that appeared after the header (some demuxers add them as they go) is not copied.
    const auto in_index = static_cast<std::size_t>(pkt->stream_index);
    const int out_index = in_index < map.size() ? map[in_index] : -1;
    if (out_index < 0) {
      av_packet_unref(pkt);
      continue;
    }
    packet_bytes += static_cast<std::uint64_t>(pkt->size);
    if ((pkt->flags & AV_PKT_FLAG_CORRUPT) || ++packets > kMaxPackets || packet_bytes > input_size) {
      log_refused(type, "demux_packets");
      return false;
    }
    if (!filter_packet_side_data(pkt)) throw std::bad_alloc();
    const AVStream* is = in.ic->streams[pkt->stream_index];
    const AVStream* os = out.oc->streams[out_index];
    av_packet_rescale_ts(pkt, is->time_base, os->time_base);
    pkt->stream_index = out_index;
    pkt->pos = -1;
    if (av_interleaved_write_frame(out.oc, pkt) < 0) {  // takes the packet's reference
      if (out.file.io_error) throw std::runtime_error("cannot write the cleaned video next to " + path);
      log_refused(type, "mux_packet");
      return false;
    }
  }
  if (packets == 0) {
    log_refused(type, "no_packets");
    return false;
  }
  const int trailer = av_write_trailer(out.oc);
  avio_flush(out.pb);
  if (out.file.io_error) throw std::runtime_error("cannot write the cleaned video next to " + path);
  if (trailer < 0 || out.pb->error < 0) {
    log_refused(type, "mux_trailer");
    return false;
  }
  if (!replacement.commit()) throw std::runtime_error("cannot replace " + path + " with its cleaned copy");
  return true;
}

}  // namespace antq::media::detail
