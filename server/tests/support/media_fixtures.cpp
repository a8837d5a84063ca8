#include "support/media_fixtures.hpp"

#include <jpeglib.h>
#include <cstdio>
#include <exiv2/exiv2.hpp>

#include <fstream>
#include <random>
#include <stdexcept>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
}

namespace antq::test {

namespace {

std::string av_error(int err) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(err, buf, sizeof buf);
  return buf;
}

void check(int ret, const char* what) {
  if (ret < 0) throw std::runtime_error(std::string("media fixture: ") + what + ": " + av_error(ret));
}

// xorshift64*: random bytes at memory speed (std::mt19937 would dominate a 12 MB fixture's time).
struct Noise {
  std::uint64_t s;
  explicit Noise(std::uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 1) {}
  std::uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 0x2545F4914F6CDD1Dull;
  }
  void fill(unsigned char* p, std::size_t n) {
    while (n >= 8) {
      const std::uint64_t v = next();
      for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
      p += 8;
      n -= 8;
    }
    if (n) {
      const std::uint64_t v = next();
      for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
    }
  }
};

void put_be32(std::string& s, std::uint32_t v) {
  for (int i = 3; i >= 0; --i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// H.264 parameter sets written bit by bit (Exp-Golomb), so the MP4's avcC is a real one: a
// demuxer reads 1280×720 from it like from a phone's file.
class Bits {
 public:
  void u(unsigned n, std::uint32_t v) {
    for (int i = static_cast<int>(n) - 1; i >= 0; --i) bit((v >> i) & 1u);
  }
  void ue(std::uint32_t v) {
    const std::uint32_t x = v + 1;
    unsigned len = 0;
    while ((x >> len) > 1) ++len;
    u(len, 0);
    u(len + 1, x);
  }
  void se(std::int32_t v) { ue(v > 0 ? static_cast<std::uint32_t>(2 * v - 1) : static_cast<std::uint32_t>(-2 * v)); }
  std::string rbsp_trailing() {
    bit(1);
    while (n_ % 8) bit(0);
    return out_;
  }

 private:
  void bit(unsigned b) {
    if (n_ % 8 == 0) out_.push_back('\0');
    if (b) out_.back() = static_cast<char>(out_.back() | (0x80 >> (n_ % 8)));
    ++n_;
  }
  std::string out_;
  unsigned n_ = 0;
};

std::string h264_avcc(int width, int height) {
  Bits sps;
  sps.u(8, 66);    // profile_idc: Baseline
  sps.u(8, 0xC0);  // constraint_set0/1
  sps.u(8, 31);    // level 3.1
  sps.ue(0);       // seq_parameter_set_id
  sps.ue(0);       // log2_max_frame_num_minus4
  sps.ue(2);       // pic_order_cnt_type
  sps.ue(1);       // max_num_ref_frames
  sps.u(1, 0);     // gaps_in_frame_num_value_allowed_flag
  sps.ue(static_cast<std::uint32_t>(width / 16 - 1));
  sps.ue(static_cast<std::uint32_t>(height / 16 - 1));
  sps.u(1, 1);  // frame_mbs_only_flag
  sps.u(1, 1);  // direct_8x8_inference_flag
  sps.u(1, 0);  // frame_cropping_flag
  sps.u(1, 0);  // vui_parameters_present_flag
  const std::string sps_nal = "\x67" + sps.rbsp_trailing();
  Bits pps;
  pps.ue(0);    // pic_parameter_set_id
  pps.ue(0);    // seq_parameter_set_id
  pps.u(1, 0);  // entropy_coding_mode_flag (CAVLC)
  pps.u(1, 0);  // bottom_field_pic_order_in_frame_present_flag
  pps.ue(0);    // num_slice_groups_minus1
  pps.ue(0);    // num_ref_idx_l0_default_active_minus1
  pps.ue(0);    // num_ref_idx_l1_default_active_minus1
  pps.u(1, 0);  // weighted_pred_flag
  pps.u(2, 0);  // weighted_bipred_idc
  pps.se(0);    // pic_init_qp_minus26
  pps.se(0);    // pic_init_qs_minus26
  pps.se(0);    // chroma_qp_index_offset
  pps.u(1, 1);  // deblocking_filter_control_present_flag
  pps.u(1, 0);  // constrained_intra_pred_flag
  pps.u(1, 0);  // redundant_pic_cnt_present_flag
  const std::string pps_nal = "\x68" + pps.rbsp_trailing();
  // AVCDecoderConfigurationRecord: version, profile, compatibility, level, 4-byte NAL lengths,
  // one SPS, one PPS.
  std::string avcc = {1, sps_nal[1], sps_nal[2], sps_nal[3], static_cast<char>(0xFF), static_cast<char>(0xE1)};
  avcc.push_back(static_cast<char>(sps_nal.size() >> 8));
  avcc.push_back(static_cast<char>(sps_nal.size() & 0xFF));
  avcc += sps_nal;
  avcc.push_back(1);
  avcc.push_back(static_cast<char>(pps_nal.size() >> 8));
  avcc.push_back(static_cast<char>(pps_nal.size() & 0xFF));
  avcc += pps_nal;
  return avcc;
}

}  // namespace

void write_noise_jpeg(const std::string& path, int width, int height, unsigned seed, int quality) {
  // libjpeg's default error handler exits the process: refuse bad arguments before it can.
  if (width < 1 || height < 1 || width > 65500 || height > 65500 || quality < 1 || quality > 100) {
    throw std::invalid_argument("write_noise_jpeg: bad size or quality");
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("write_noise_jpeg: cannot create " + path);
  jpeg_compress_struct c{};
  jpeg_error_mgr err{};
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  jpeg_stdio_dest(&c, f);
  c.image_width = static_cast<JDIMENSION>(width);
  c.image_height = static_cast<JDIMENSION>(height);
  c.input_components = 3;
  c.in_color_space = JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, quality, TRUE);
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row(static_cast<std::size_t>(width) * 3);
  Noise noise(seed);
  while (c.next_scanline < c.image_height) {
    noise.fill(row.data(), row.size());
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  const bool failed = std::ferror(f) != 0;
  if (std::fclose(f) != 0 || failed) throw std::runtime_error("write_noise_jpeg: cannot write " + path);
}

void write_video(const std::string& path, const VideoSpec& spec) {
  // Fixture writing is not under test: only errors are worth seeing.
  av_log_set_level(AV_LOG_ERROR);
  const bool matroska = spec.muxer == "webm" || spec.muxer == "matroska";
  AVFormatContext* oc = nullptr;
  check(avformat_alloc_output_context2(&oc, nullptr, spec.muxer.c_str(), path.c_str()), "muxer");
  struct Free {
    AVFormatContext* oc;
    ~Free() {
      if (oc->pb) avio_closep(&oc->pb);
      avformat_free_context(oc);
    }
  } free_oc{oc};
  for (const auto& [k, v] : spec.metadata) av_dict_set(&oc->metadata, k.c_str(), v.c_str(), 0);

  AVStream* video = avformat_new_stream(oc, nullptr);
  video->codecpar->codec_type = AVMEDIA_TYPE_VIDEO;
  video->codecpar->codec_id = matroska ? AV_CODEC_ID_VP8 : AV_CODEC_ID_H264;
  video->codecpar->width = 1280;
  video->codecpar->height = 720;
  if (!matroska) {
    const std::string avcc = h264_avcc(1280, 720);
    video->codecpar->extradata = static_cast<uint8_t*>(av_mallocz(avcc.size() + AV_INPUT_BUFFER_PADDING_SIZE));
    std::copy(avcc.begin(), avcc.end(), video->codecpar->extradata);
    video->codecpar->extradata_size = static_cast<int>(avcc.size());
  }
  video->time_base = AVRational{1, 30};
  video->avg_frame_rate = AVRational{30, 1};
  for (const auto& [k, v] : spec.video_metadata) av_dict_set(&video->metadata, k.c_str(), v.c_str(), 0);
  if (spec.rotation_degrees != 0) {
    auto* m = reinterpret_cast<int32_t*>(av_stream_new_side_data(video, AV_PKT_DATA_DISPLAYMATRIX, 9 * sizeof(int32_t)));
    if (!m) throw std::runtime_error("media fixture: display matrix");
    av_display_rotation_set(m, spec.rotation_degrees);
  }
  AVStream* audio = nullptr;
  if (spec.audio && !matroska) {
    audio = avformat_new_stream(oc, nullptr);
    audio->codecpar->codec_type = AVMEDIA_TYPE_AUDIO;
    audio->codecpar->codec_id = AV_CODEC_ID_AAC;
    audio->codecpar->sample_rate = 48000;
    av_channel_layout_default(&audio->codecpar->ch_layout, 2);
    audio->codecpar->frame_size = 1024;
    // AudioSpecificConfig: AAC-LC, 48 kHz, 2 channels.
    audio->codecpar->extradata = static_cast<uint8_t*>(av_mallocz(2 + AV_INPUT_BUFFER_PADDING_SIZE));
    audio->codecpar->extradata[0] = 0x11;
    audio->codecpar->extradata[1] = 0x90;
    audio->codecpar->extradata_size = 2;
    audio->time_base = AVRational{1, 48000};
  }
  AVStream* subtitle = nullptr;
  if (!spec.subtitle_text.empty()) {
    subtitle = avformat_new_stream(oc, nullptr);
    subtitle->codecpar->codec_type = AVMEDIA_TYPE_SUBTITLE;
    subtitle->codecpar->codec_id = matroska ? AV_CODEC_ID_WEBVTT : AV_CODEC_ID_MOV_TEXT;
    subtitle->time_base = AVRational{1, 1000};
  }
  AVStream* data = nullptr;
  if (!spec.data_payload.empty()) {
    data = avformat_new_stream(oc, nullptr);
    data->codecpar->codec_type = AVMEDIA_TYPE_DATA;
    data->codecpar->codec_id = AV_CODEC_ID_NONE;
    data->codecpar->codec_tag = MKTAG('g', 'p', 'm', 'd');
    data->time_base = AVRational{1, 1000};
  }

  check(avio_open(&oc->pb, path.c_str(), AVIO_FLAG_WRITE), "open output");
  AVDictionary* opts = nullptr;
  for (const auto& [k, v] : spec.muxer_options) av_dict_set(&opts, k.c_str(), v.c_str(), 0);
  const int header = avformat_write_header(oc, &opts);
  av_dict_free(&opts);
  check(header, "write header");

  // Sizes: ~143 kbit/s of audio (372-byte AAC frames, 46.875 per second) and the rest as video,
  // 64 KiB frames for big files (≈15.7 Mbit/s, a phone's 1080p) and at least 30 frames.
  constexpr std::size_t kAudioPacket = 372;
  const std::size_t frames = std::max<std::size_t>(30, spec.approx_bytes / 65536);
  const std::size_t audio_per_frame = audio ? kAudioPacket * 48000 / 1024 / 30 : 0;
  // Container overhead: the moov tables, ~40 bytes per sample, and a few KiB of headers.
  const std::size_t overhead = 4096 + frames * (audio ? 100 : 40);
  const std::size_t budget = spec.approx_bytes > overhead ? spec.approx_bytes - overhead : frames * 64;
  const std::size_t per_frame = budget / frames;
  const std::size_t video_packet = per_frame > audio_per_frame + 64 ? per_frame - audio_per_frame : 64;

  Noise noise(0x5EED);
  AVPacket* pkt = av_packet_alloc();
  struct FreePkt {
    AVPacket* p;
    ~FreePkt() { av_packet_free(&p); }
  } free_pkt{pkt};
  auto send = [&](AVStream* st, std::int64_t pts, std::int64_t duration, const std::string* payload, std::size_t size, bool key) {
    check(av_new_packet(pkt, static_cast<int>(payload ? payload->size() : size)), "packet");
    if (payload) std::copy(payload->begin(), payload->end(), pkt->data);
    else noise.fill(pkt->data, size);
    if (st == video && !matroska && size > 5) {
      // One length-prefixed NAL unit (an IDR or a non-IDR slice) of random bytes, as in AVCC.
      const auto nal = static_cast<std::uint32_t>(size - 4);
      for (int i = 0; i < 4; ++i) pkt->data[i] = static_cast<uint8_t>(nal >> (8 * (3 - i)));
      pkt->data[4] = key ? 0x65 : 0x41;
    }
    pkt->stream_index = st->index;
    pkt->pts = pkt->dts = pts;
    pkt->duration = duration;
    if (key) pkt->flags |= AV_PKT_FLAG_KEY;
    av_packet_rescale_ts(pkt, st == video ? AVRational{1, 30} : st == audio ? AVRational{1, 48000} : AVRational{1, 1000}, st->time_base);
    check(av_interleaved_write_frame(oc, pkt), "write packet");
  };
  std::int64_t audio_samples = 0;
  for (std::size_t i = 0; i < frames; ++i) {
    const auto t = static_cast<std::int64_t>(i);
    if (subtitle && i == 0) {
      std::string text = spec.subtitle_text;
      if (!matroska) {
        // mov_text: a 16-bit big-endian length, then the text.
        const std::string body = text;
        text.clear();
        text.push_back(static_cast<char>((body.size() >> 8) & 0xFF));
        text.push_back(static_cast<char>(body.size() & 0xFF));
        text += body;
      }
      send(subtitle, 0, 1000, &text, 0, true);
    }
    if (data && i % 30 == 0) send(data, t * 1000 / 30, 1000, &spec.data_payload, 0, true);
    send(video, t, 1, nullptr, video_packet, i % 30 == 0);
    while (audio && audio_samples < (t + 1) * 48000 / 30) {
      send(audio, audio_samples, 1024, nullptr, kAudioPacket, true);
      audio_samples += 1024;
    }
  }
  check(av_write_trailer(oc), "write trailer");
}

void write_mp4(const std::string& path, std::size_t approx_bytes, bool with_location) {
  VideoSpec spec;
  spec.muxer = "mp4";
  spec.approx_bytes = approx_bytes;
  if (with_location) spec.metadata["location"] = "+15.1234+108.8000/";
  write_video(path, spec);
  if (with_location) append_box(path, "udta", xyz_udta_payload("+15.1234+108.8000/"));
}

void append_box(const std::string& path, const std::string& type, const std::string& payload) {
  std::string box;
  put_be32(box, static_cast<std::uint32_t>(8 + payload.size()));
  box += type;
  box += payload;
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out.write(box.data(), static_cast<std::streamsize>(box.size()));
  if (!out) throw std::runtime_error("append_box: cannot write " + path);
}

std::string xyz_udta_payload(const std::string& text) {
  // ©xyz: a 16-bit length, a 16-bit packed language code (0x15C7 = "eng"), the text.
  std::string body;
  body.push_back(static_cast<char>((text.size() >> 8) & 0xFF));
  body.push_back(static_cast<char>(text.size() & 0xFF));
  body += "\x15\xC7";
  body += text;
  std::string box;
  put_be32(box, static_cast<std::uint32_t>(8 + body.size()));
  box += "\xA9xyz";
  box += body;
  return box;
}

void add_gps(const std::string& path) {
  auto image = Exiv2::ImageFactory::open(path);
  image->readMetadata();
  image->exifData()["Exif.GPSInfo.GPSLatitudeRef"] = "N";
  image->exifData()["Exif.GPSInfo.GPSLatitude"] = "15/1 7/1 0/1";
  image->exifData()["Exif.GPSInfo.GPSLongitudeRef"] = "E";
  image->exifData()["Exif.GPSInfo.GPSLongitude"] = "108/1 48/1 0/1";
  image->exifData()["Exif.Image.Make"] = "ANTQTestCam";
  image->writeMetadata();
}

bool has_gps(const std::string& bytes) {
  auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()), static_cast<long>(bytes.size()));
  image->readMetadata();
  for (const auto& d : image->exifData()) {
    if (d.groupName() == "GPSInfo") return true;
  }
  return false;
}

}  // namespace antq::test
