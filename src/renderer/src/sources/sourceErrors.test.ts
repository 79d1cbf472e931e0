import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/i18n';
import { AtlasCallError } from '../bridge';
import { sourceErrorText } from './sourceErrors';

async function translator(language: 'en' | 'ko') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { en: { translation: MESSAGES.en }, ko: { translation: MESSAGES.ko } }, interpolation: { escapeValue: false } });
  return instance.t;
}

const failure = (reason: 'link-timeout' | 'link-out-of-memory' | 'import-out-of-memory') => new AtlasCallError({ code: 'failed', message: 'limit', reason });

describe('sourceErrorText()', () => {
  it('says a link limit was reached in linking, with the link heap of 512 MB, not the 768 MB of reading', async () => {
    const t = await translator('en');
    expect(sourceErrorText(t, failure('link-out-of-memory'), 'en')).toBe(
      'Linking this document to countries would take more than 512 MB of memory, so it was stopped. Import a smaller part of it. Nothing was imported.',
    );
    expect(sourceErrorText(t, failure('link-timeout'), 'en')).toContain('Linking this document to countries took too long (over 60 seconds)');
    expect(sourceErrorText(t, failure('import-out-of-memory'), 'en')).toContain('Reading this document would take more than 768 MB');
  });

  it('says it in Korean too', async () => {
    const t = await translator('ko');
    expect(sourceErrorText(t, failure('link-out-of-memory'), 'ko')).toBe(
      '이 문서를 국가와 연결하려면 메모리가 512MB 넘게 필요해 중단했습니다. 더 작은 일부만 가져오세요. 아무것도 가져오지 않았습니다.',
    );
    expect(sourceErrorText(t, failure('link-timeout'), 'ko')).toContain('국가와 연결하는 데 너무 오래 걸려(60초 초과)');
  });
});
