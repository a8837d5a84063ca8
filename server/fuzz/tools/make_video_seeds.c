/* Writes the tiny videos of server/fuzz/corpus/media/: MP4, MOV and 3GP with a location (©xyz in
 * udta, as phones write it) and a WebM, each with a few packets of one video stream. The packets
 * are not real compressed frames: the cleaner remuxes without decoding, so only the container
 * matters. Built by hand once (no ffmpeg program on the machine):
 *
 *   cc -o /tmp/make_video_seeds server/fuzz/tools/make_video_seeds.c $(pkg-config --cflags --libs libavformat libavcodec libavutil)
 *   /tmp/make_video_seeds server/fuzz/corpus/media
 */
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <stdio.h>
#include <string.h>

static int write_one(const char *path, const char *format, enum AVCodecID codec, const char *location) {
  AVFormatContext *oc = NULL;
  if (avformat_alloc_output_context2(&oc, NULL, format, path) < 0 || !oc) return -1;
  AVStream *st = avformat_new_stream(oc, NULL);
  st->codecpar->codec_type = AVMEDIA_TYPE_VIDEO;
  st->codecpar->codec_id = codec;
  st->codecpar->width = 16;
  st->codecpar->height = 16;
  st->time_base = (AVRational){1, 25};
  if (location) {
    av_dict_set(&oc->metadata, "location", location, 0);
    av_dict_set(&oc->metadata, "location-eng", location, 0);
  }
  av_dict_set(&oc->metadata, "title", "ANTQ fuzz seed", 0);
  if (avio_open(&oc->pb, path, AVIO_FLAG_WRITE) < 0) return -1;
  if (avformat_write_header(oc, NULL) < 0) return -1;
  for (int i = 0; i < 3; ++i) {
    AVPacket *pkt = av_packet_alloc();
    av_new_packet(pkt, 24);
    memset(pkt->data, 0x10 + i, 24);
    pkt->stream_index = 0;
    pkt->pts = pkt->dts = i;
    pkt->duration = 1;
    if (i == 0) pkt->flags |= AV_PKT_FLAG_KEY;
    av_packet_rescale_ts(pkt, (AVRational){1, 25}, st->time_base);
    if (av_interleaved_write_frame(oc, pkt) < 0) return -1;
    av_packet_free(&pkt);
  }
  av_write_trailer(oc);
  avio_closep(&oc->pb);
  avformat_free_context(oc);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
    return 2;
  }
  char path[4096];
  const char *gps = "+15.1167+108.8000/";  /* Sơn Tịnh, Quảng Ngãi */
  struct {
    const char *name, *format;
    enum AVCodecID codec;
    const char *location;
  } seeds[] = {
      {"gps.mp4", "mp4", AV_CODEC_ID_MPEG4, gps},
      {"gps.mov", "mov", AV_CODEC_ID_MJPEG, gps},
      {"gps.3gp", "3gp", AV_CODEC_ID_H263, gps},
      {"plain.webm", "webm", AV_CODEC_ID_VP8, NULL},
  };
  for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; ++i) {
    snprintf(path, sizeof path, "%s/%s", argv[1], seeds[i].name);
    if (write_one(path, seeds[i].format, seeds[i].codec, seeds[i].location) != 0) {
      fprintf(stderr, "could not write %s\n", path);
      return 1;
    }
  }
  return 0;
}
