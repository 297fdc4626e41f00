/**
 * `POST /v1/workshops` bodies shown in the OpenAPI document. A workshop's title and city names are
 * given in all three languages at once (`LocalizedTextDto`), so one example carries all three; it is a
 * valid request (an e2e test posts it).
 */
export const WORKSHOP_EXAMPLES: Record<string, { summary: string; value: Record<string, unknown> }> = {
  hybrid: {
    summary: 'Hybrid: Kunming and Islamabad, Chinese ↔ Urdu interpreters online',
    value: {
      title: {
        en: 'Sino-Pak Matchmaking Workshop: Modern Agriculture',
        'zh-Hans': '中巴现代农业技术对接会',
        ur: 'پاک چین جدید زراعت میچ میکنگ ورکشاپ',
      },
      mode: 'hybrid',
      startDate: '2027-06-08',
      endDate: '2027-06-09',
      slotMinutes: 30,
      session: { start: '09:00', end: '17:00', breaks: [{ start: '12:30', end: '13:30' }] },
      venues: [
        {
          id: 'kunming',
          city: { en: 'Kunming', 'zh-Hans': '昆明', ur: 'کنمنگ' },
          timeZone: 'Asia/Shanghai',
          tables: 10,
          videoTables: 4,
        },
        {
          id: 'islamabad',
          city: { en: 'Islamabad', 'zh-Hans': '伊斯兰堡', ur: 'اسلام آباد' },
          timeZone: 'Asia/Karachi',
          tables: 10,
          videoTables: 4,
        },
      ],
      sectors: ['agriculture'],
      interpreters: [{ id: 'online-zh-ur', languages: ['zh-Hans', 'ur'], location: 'online', count: 2 }],
    },
  },
};
