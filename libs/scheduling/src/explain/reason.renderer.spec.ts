import { REASON_CODES, type Reason } from './reason-codes';
import { renderReason, type ReasonLanguage } from './reason.renderer';

describe('renderReason', () => {
  const params: Reason['params'] = {
    score: 80,
    weight: 160,
    factor: 2,
    rank: 1,
    candidates: 10,
    wishedBy: 'cn-1',
    wished: 'pk-1',
    startUtc: '2026-06-08T04:00:00.000Z',
    earlierTaken: 2,
    participantId: 'cn-1',
    participantIds: ['cn-1', 'pk-1'],
    cap: 5,
    venueId: 'kunming',
    venueA: 'kunming',
    venueB: 'islamabad',
    venueIds: ['kunming'],
    languagesA: ['zh-Hans'],
    languagesB: ['ur'],
    timeZoneA: 'Asia/Shanghai',
    timeZoneB: 'Asia/Karachi',
    slots: 4,
    partyBusy: 1,
    tablesFull: 1,
    videoTablesFull: 1,
    interpretersBusy: 1,
  };

  it.each(['en', 'zh-Hans', 'ur'] as ReasonLanguage[])(
    'renders every reason code in %s with no placeholder left',
    (lang) => {
      for (const code of REASON_CODES) {
        const text = renderReason({ code, params }, lang);
        expect(text).not.toMatch(/[{}]/);
        expect(text.length).toBeGreaterThan(5);
      }
    },
  );

  it('shows names for ids and the start in a given time zone', () => {
    const r: Reason = { code: 'slot.earliest-feasible', params: { startUtc: '2026-06-08T04:00:00.000Z' } };
    expect(renderReason(r, 'en', { timeZone: 'Asia/Karachi' })).toBe(
      'The earliest slot in which both are available: 2026-06-08 09:00 (Asia/Karachi)',
    );
    expect(renderReason(r, 'zh-Hans', { timeZone: 'Asia/Shanghai' })).toBe(
      '双方均有空的最早时段：2026-06-08 12:00 (Asia/Shanghai)',
    );
    const cap: Reason = { code: 'unscheduled.cap-reached', params: { participantId: 'cn-1', cap: 5 } };
    expect(renderReason(cap, 'en', { labels: { 'cn-1': 'Yunnan Seeds Co.' } })).toBe(
      'Yunnan Seeds Co. already has its maximum of 5 meetings',
    );
    expect(
      renderReason(
        { code: 'unscheduled.party-busy', params: { slots: 3, participantIds: ['a', 'b'] } },
        'zh-Hans',
      ),
    ).toBe('在全部3个可行时段，a、b都已有其他会谈');
  });
});
